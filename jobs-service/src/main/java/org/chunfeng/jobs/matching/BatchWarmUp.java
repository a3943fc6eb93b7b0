package org.chunfeng.jobs.matching;

/**
 * A few small batches over a generated campaign ({@link SampleCampaign}), so that the JVM has compiled the batch's code
 * before a labour office's first batch needs it. Compiling it during that batch instead cost a third of its time: at
 * 100,000 workers a cold batch took 8.6–8.8 s, and 7.0–7.3 s after three warm-up batches of 10,000 workers (1.6–2.1 s
 * between them), in the same minutes. Each batch is solved on a board of its own; nothing of the service is touched.
 */
public final class BatchWarmUp {

    /** The service's warm-up, unless configured otherwise: three batches of 10,000 workers. */
    public static final int BATCHES = 3;
    public static final int WORKERS = 10_000;

    private BatchWarmUp() {
    }

    /**
     * Solves {@code batches} batches of {@code workers} generated workers over a fifth as many postings, their openings
     * by turns as many as the workers and three times as many (the two shapes take different paths: a tight batch
     * proves more rounds, a loose one moves more workers at once); returns how long it took, in milliseconds. Stops
     * between batches once its thread is interrupted (the service stopping).
     */
    public static long run(MatchingSettings settings, int workers, int batches) {
        if (workers < 1 || batches < 0) {
            throw new IllegalArgumentException("A warm-up needs at least one worker and zero or more batches; got "
                    + workers + " workers and " + batches + " batches");
        }
        long started = System.nanoTime();
        MatchRules rules = MatchRules.of(settings);
        int postings = Math.max(1, workers / 5);
        for (int b = 0; b < batches && !Thread.currentThread().isInterrupted(); b++) {
            long openings = b % 2 == 0 ? workers : 3L * workers;
            SampleCampaign campaign = SampleCampaign.generate(workers, postings, openings, b + 1);
            JobBoard board = new JobBoard(settings);
            campaign.postings().forEach(p -> board.put(p.job(), p.openings(), 0));
            new BatchOptimiser(board, rules).solve(campaign.workers(), SampleCampaign.now());
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
