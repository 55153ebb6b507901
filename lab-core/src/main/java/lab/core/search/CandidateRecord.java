package lab.core.search;

import java.util.Map;

/**
 * One candidate of a finished search.
 *
 * @param index   Arbiter's candidate number, from 0, in the order they were generated
 * @param params  the sampled value of every varied parameter
 * @param score   validation accuracy, NaN when the candidate failed
 * @param seconds wall time of its training and validation
 * @param failure why it failed, or null
 */
public record CandidateRecord(int index, Map<String, Object> params, double score, double seconds, String failure) {
    public boolean ok() {
        return failure == null;
    }
}
