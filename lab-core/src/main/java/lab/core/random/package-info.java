/**
 * Seeded orders of samples: the same seed gives the same order on every machine. Uses only the JDK.
 */
package lab.core.random;
