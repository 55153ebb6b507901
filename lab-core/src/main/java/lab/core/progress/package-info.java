/**
 * Progress lines for long work (done/total, rate, ETA), rate-limited so the log stays readable.
 * Uses SLF4J.
 */
package lab.core.progress;
