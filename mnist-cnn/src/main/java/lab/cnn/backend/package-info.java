/**
 * The ND4J CPU backend as it actually runs: which native build JavaCPP loaded, whether each
 * layer uses its oneDNN helper, native threads (chosen by measurement unless given), CPU model
 * and flags. Uses DL4J/ND4J only; every other cnn package may use it.
 */
package lab.cnn.backend;
