/**
 * What every module shares: {@link lab.core.UserError} (a mistake of the user: one line, an exit
 * code). Sub-packages hold
 * configuration binding, file I/O, progress logging, seeded orders, CPU paths, experiment kinds
 * and searches. lab-core uses no DL4J except in {@code lab.core.search} (Arbiter).
 */
package lab.core;
