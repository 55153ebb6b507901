/**
 * What the CPU runs: the instruction-set paths a benchmark can be pinned to, and what a process
 * needs to run on each. Uses only the JDK.
 */
package lab.core.cpu;
