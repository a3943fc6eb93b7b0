package org.chunfeng.transport.planning;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Moves that change which buses stop where. Moving one rider rarely helps: a village drops off a bus's route only
 * when all its riders there leave together. So these moves take every rider of one bus who shares a village, a site,
 * a village-and-site pair or a destination city, and either move them to another bus (preferably one that already
 * stops there) or trade them for such a group of that bus, trimmed to the seats both buses have.
 */
public class GroupMoveFactory implements MoveIteratorFactory<BusPlanSolution, ReassignMove> {

    private enum Key {
        PICKUP, SITE, PAIR, CITY
    }

    @Override
    public long getSize(ScoreDirector<BusPlanSolution> scoreDirector) {
        BusPlanSolution solution = scoreDirector.getWorkingSolution();
        return (long) solution.seats.size() * solution.buses.size();
    }

    @Override
    public Iterator<ReassignMove> createOriginalMoveIterator(ScoreDirector<BusPlanSolution> scoreDirector) {
        throw new UnsupportedOperationException("Group moves are only selected at random");
    }

    @Override
    public Iterator<ReassignMove> createRandomMoveIterator(ScoreDirector<BusPlanSolution> scoreDirector,
            Random random) {
        BusPlanSolution solution = scoreDirector.getWorkingSolution();
        List<RiderSeat> movable = new ArrayList<>();
        List<List<RiderSeat>> onBus = new ArrayList<>();
        List<BusSlot> open = new ArrayList<>();
        for (BusSlot slot : solution.buses) {
            onBus.add(new ArrayList<>());
            if (!slot.locked) {
                open.add(slot);
            }
        }
        for (RiderSeat seat : solution.seats) {
            if (seat.bus != null) {
                onBus.get(seat.bus.number).add(seat);
                if (!seat.pinned) {
                    movable.add(seat);
                }
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !movable.isEmpty() && open.size() > 1;
            }

            @Override
            public ReassignMove next() {
                RiderSeat first = movable.get(random.nextInt(movable.size()));
                Key key = Key.values()[random.nextInt(Key.values().length)];
                BusSlot from = first.bus;
                BusSlot to = target(first, key, from);
                List<RiderSeat> outbound = group(onBus.get(from.number), first, key);
                Collections.shuffle(outbound, random);
                List<RiderSeat> inbound = new ArrayList<>();
                int toLoad = onBus.get(to.number).size();
                if (random.nextBoolean() && toLoad > 0) {
                    List<RiderSeat> there = onBus.get(to.number);
                    RiderSeat other = there.get(random.nextInt(there.size()));
                    if (!other.pinned) {
                        inbound = group(there, other, Key.values()[random.nextInt(Key.values().length)]);
                        Collections.shuffle(inbound, random);
                    }
                }
                int fromLoad = onBus.get(from.number).size();
                int outCount = outbound.size();
                int inCount = inbound.size();
                // Trim so that neither bus ends over its seats.
                while (outCount > 0 && toLoad - inCount + outCount > to.capacity) {
                    if (inCount < inbound.size() && fromLoad - outCount + inCount + 1 <= from.capacity) {
                        inCount++;
                    } else {
                        outCount--;
                    }
                }
                while (inCount > 0 && fromLoad - outCount + inCount > from.capacity) {
                    inCount--;
                }
                List<RiderSeat> seats = new ArrayList<>(outCount + inCount);
                List<BusSlot> targets = new ArrayList<>(outCount + inCount);
                for (int i = 0; i < outCount; i++) {
                    seats.add(outbound.get(i));
                    targets.add(to);
                }
                for (int i = 0; i < inCount; i++) {
                    seats.add(inbound.get(i));
                    targets.add(from);
                }
                return new ReassignMove(seats, targets);
            }

            /** Most often a bus that already stops where this group is going or coming from. */
            private BusSlot target(RiderSeat seat, Key key, BusSlot from) {
                if (random.nextInt(10) < 7) {
                    for (int attempt = 0; attempt < 8; attempt++) {
                        RiderSeat other = movable.get(random.nextInt(movable.size()));
                        if (other.bus != from && !other.bus.locked && sameGroup(seat, other, key)) {
                            return other.bus;
                        }
                    }
                }
                BusSlot to;
                do {
                    to = open.get(random.nextInt(open.size()));
                } while (to == from);
                return to;
            }
        };
    }

    private static List<RiderSeat> group(List<RiderSeat> onBus, RiderSeat like, Key key) {
        List<RiderSeat> group = new ArrayList<>();
        for (RiderSeat seat : onBus) {
            if (!seat.pinned && sameGroup(like, seat, key)) {
                group.add(seat);
            }
        }
        return group;
    }

    private static boolean sameGroup(RiderSeat a, RiderSeat b, Key key) {
        return switch (key) {
            case PICKUP -> a.pickup == b.pickup;
            case SITE -> a.site == b.site;
            case PAIR -> a.pickup == b.pickup && a.site == b.site;
            case CITY -> a.city == b.city;
        };
    }
}
