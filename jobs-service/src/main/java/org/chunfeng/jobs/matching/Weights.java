package org.chunfeng.jobs.matching;

/**
 * How many points each criterion can add to a match's score (defaults sum to 100). Each criterion first yields a
 * fraction between 0 and 1; the weight turns it into points:
 * <ul>
 * <li>{@code skill}: the worker has the job's category or a required skill, 0.6 plus 0.4 for up to five years of
 * experience; a general-labour job takes anyone at 0.5.</li>
 * <li>{@code distance}: a job within the commute scores 1.0 at the door down to 0.5 at the commute's edge; a job away
 * scores 1.0 in a city the worker prefers, 0.5 if they named none, 0.2 elsewhere.</li>
 * <li>{@code wage}: 0 at the worker's minimum (or 2,000 yuan if they asked for less), 1.0 from half as much again.</li>
 * <li>{@code priority}: POOR 1.0, UNSTABLE 0.75, MARGINAL 0.5, NONE 0.</li>
 * <li>{@code waiting}: one thirtieth per day waited since registration, up to 1.0.</li>
 * </ul>
 * Priority and waiting time do not change which job suits a worker best, but they decide who gets an opening when
 * there are fewer openings than workers.
 */
public record Weights(double skill, double distance, double wage, double priority, double waiting) {

    public static final Weights DEFAULT = new Weights(35, 20, 15, 20, 10);

    public Weights {
        if (skill < 0 || distance < 0 || wage < 0 || priority < 0 || waiting < 0) {
            throw new IllegalArgumentException("Matching weights cannot be negative");
        }
    }

    public double maximum() {
        return skill + distance + wage + priority + waiting;
    }
}
