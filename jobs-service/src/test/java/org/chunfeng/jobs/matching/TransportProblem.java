package org.chunfeng.jobs.matching;

/**
 * A batch's flow problem, for the tests of the auction and of the prices: each worker's postings and pair scores, and
 * each posting's openings.
 */
record TransportProblem(int[][] jobs, int[][] scores, long[] capacity) {

    /** No worker placed. */
    int[][] noFlow() {
        int[][] flows = new int[jobs.length][];
        for (int i = 0; i < jobs.length; i++) {
            flows[i] = new int[jobs[i].length];
        }
        return flows;
    }

    /** The auction's assignment as a flow: a unit on the arc each worker holds (arcs the auction had come first). */
    int[][] flowsOf(OpeningAuction auction) {
        int[][] flows = noFlow();
        for (int i = 0; i < jobs.length; i++) {
            if (auction.heldArc(i) >= 0) {
                flows[i][auction.heldArc(i)] = 1;
            }
        }
        return flows;
    }
}
