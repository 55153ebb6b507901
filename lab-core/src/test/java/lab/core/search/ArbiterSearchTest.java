package lab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The search engine on Arbiter with a stand-in trainer: what it tries, how often, what it keeps. */
class ArbiterSearchTest {
    static final NumberRange LOG_RATE = new NumberRange(1e-4, 1e-2, Scale.LOG, null);

    static List<Dimension> rateAndActivation() {
        return List.of(Dimension.of("learning_rate", LOG_RATE), Dimension.choice("activation", List.of("relu", "tanh")));
    }

    /** Score: closeness of log10(rate) to -3, plus a bonus for tanh. */
    static CandidateOutcome score(int index, Map<String, Object> p) {
        double rate = (Double) p.get("learning_rate");
        return CandidateOutcome.scored(1 - Math.abs(Math.log10(rate) + 3) / 10 + ("tanh".equals(p.get("activation"))
                ? 0.01 : 0), "model-" + index);
    }

    @Test
    void randomSearchTriesExactlyMaxCandidatesInsideTheRangesEvenInParallel() {
        AtomicInteger calls = new AtomicInteger();
        SearchPlan plan = SearchPlan.of(Generator.RANDOM, null, 7L, 5, null, 2);
        ArbiterSearch.Result result = ArbiterSearch.run("t", rateAndActivation(), plan, (i, p) -> {
            calls.incrementAndGet();
            return score(i, p);
        });
        assertEquals(5, calls.get());
        assertEquals(5, result.candidates().size());
        for (CandidateRecord c : result.candidates()) {
            double rate = (Double) c.params().get("learning_rate");
            assertTrue(rate >= 1e-4 && rate <= 1e-2, "rate " + rate);
            assertTrue(Set.of("relu", "tanh").contains(c.params().get("activation")));
        }
        CandidateRecord best = result.best();
        assertEquals("model-" + best.index(), result.bestModel());
        assertTrue(result.candidates().stream().allMatch(c -> c.score() <= best.score()));
    }

    @Test
    void theSameSeedGivesTheSameCandidates() {
        SearchPlan plan = SearchPlan.of(Generator.RANDOM, null, 3L, 4, null, 1);
        List<Map<String, Object>> a = ArbiterSearch.run("a", rateAndActivation(), plan, ArbiterSearchTest::score)
                .candidates().stream().map(CandidateRecord::params).toList();
        List<Map<String, Object>> b = ArbiterSearch.run("b", rateAndActivation(), plan, ArbiterSearchTest::score)
                .candidates().stream().map(CandidateRecord::params).toList();
        assertEquals(a, b);
        List<Map<String, Object>> c = ArbiterSearch.run("c", rateAndActivation(),
                SearchPlan.of(Generator.RANDOM, null, 4L, 4, null, 1), ArbiterSearchTest::score)
                .candidates().stream().map(CandidateRecord::params).toList();
        assertFalse(a.equals(c), "another seed, other candidates");
    }

    @Test
    void gridCoversEveryCombinationWithLogSpacedRates() {
        SearchPlan plan = SearchPlan.of(Generator.GRID, 3, null, null, null, 1);
        assertEquals(6, ArbiterSearch.planned(rateAndActivation(), plan));
        ArbiterSearch.Result result = ArbiterSearch.run("g", rateAndActivation(), plan, ArbiterSearchTest::score);
        assertEquals(6, result.candidates().size());
        Set<String> seen = new TreeSet<>();
        for (CandidateRecord c : result.candidates()) {
            seen.add(String.format("%.0e %s", (Double) c.params().get("learning_rate"), c.params().get("activation")));
        }
        assertEquals(Set.of("1e-04 relu", "1e-03 relu", "1e-02 relu", "1e-04 tanh", "1e-03 tanh", "1e-02 tanh"), seen);
        assertEquals("tanh", result.best().params().get("activation"));
        assertEquals(1e-3, (Double) result.best().params().get("learning_rate"), 1e-12);
    }

    @Test
    void maxCandidatesCutsAGrid() {
        SearchPlan plan = SearchPlan.of(Generator.GRID, 3, null, 2, null, 2);
        assertEquals(2, ArbiterSearch.run("g", rateAndActivation(), plan, ArbiterSearchTest::score).candidates().size());
    }

    @Test
    void aFailingCandidateIsRecordedAndTheSearchGoesOn() {
        List<Dimension> dims = List.of(Dimension.of("width", new IntRange(null, null, List.of(1, 2, 3, 4))));
        SearchPlan plan = SearchPlan.of(Generator.GRID, null, null, null, null, 1);
        ArbiterSearch.Result result = ArbiterSearch.run("f", dims, plan, (i, p) -> switch ((Integer) p.get("width")) {
            case 2 -> throw new IllegalStateException("boom\nsecond line");
            case 3 -> CandidateOutcome.failed("diverged: loss NaN at iteration 3");
            case 4 -> CandidateOutcome.scored(Double.NaN, null);
            default -> CandidateOutcome.scored(0.5, "one");
        });
        List<CandidateRecord> c = result.candidates();
        assertEquals(4, c.size());
        assertTrue(c.get(0).ok());
        assertEquals("IllegalStateException: boom second line", c.get(1).failure());
        assertEquals("diverged: loss NaN at iteration 3", c.get(2).failure());
        assertEquals("score is NaN", c.get(3).failure());
        assertSame("one", result.bestModel());

        Leaderboard board = Leaderboard.of(List.of("width"), c, 0.4);
        assertEquals(List.of(1, 0, 0, 0), board.rows().stream().map(Leaderboard.Row::rank).toList());
        assertEquals(0, board.rows().get(0).candidate().index());
    }

    @Test
    void allFailedMeansNoBest() {
        List<Dimension> dims = List.of(Dimension.choice("a", List.of("x", "y")));
        ArbiterSearch.Result result = ArbiterSearch.run("n", dims, SearchPlan.of(Generator.GRID, null, null, null, null,
                1), (i, p) -> CandidateOutcome.failed("no"));
        assertEquals(2, result.candidates().size());
        assertNull(result.best());
        assertNull(result.bestModel());
    }

    @Test
    void leaderboardRanksByScoreThenCandidateNumber() {
        List<CandidateRecord> c = List.of(
                new CandidateRecord(0, Map.of("a", "x"), 0.5, 1, null),
                new CandidateRecord(1, Map.of("a", "y"), 0.9, 1, null),
                new CandidateRecord(2, Map.of("a", "z"), 0.5, 1, null));
        Leaderboard board = Leaderboard.of(List.of("a"), c, 0.8);
        assertEquals(List.of(1, 0, 2), board.rows().stream().map(r -> r.candidate().index()).toList());
        assertEquals(List.of(1, 2, 3), board.rows().stream().map(Leaderboard.Row::rank).toList());
        String table = board.markdownTable();
        assertTrue(table.contains("| 1 | 2 | y | 90.00% | 80.00% |"), table);
        assertTrue(table.contains("| 2 | 1 | x | 50.00% | - |"), table);
    }
}
