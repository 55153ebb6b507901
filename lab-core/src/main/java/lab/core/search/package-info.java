/**
 * Hyperparameter searches shared by both halves: a search space, candidate generation through
 * Arbiter (arbiter-core only; candidates are trained by the modules), the leaderboard, its chart
 * and report, and resumable progress. Uses lab.core.config, io and progress; JFreeChart for charts.
 */
package lab.core.search;
