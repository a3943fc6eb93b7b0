package org.chunfeng.bench.busplanning;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.state.StateManager;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.constraint.ConstraintManager;
import com.graphhopper.jsprit.core.problem.constraint.HardActivityConstraint;
import com.graphhopper.jsprit.core.problem.job.Shipment;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.DeliverShipment;
import com.graphhopper.jsprit.core.problem.solution.route.activity.PickupShipment;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Solutions;
import com.graphhopper.jsprit.core.util.VehicleRoutingTransportCostsMatrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.transport.planning.PlanningRules;
import org.chunfeng.transport.planning.RoadDistance;
import org.chunfeng.transport.planning.Rider;

/**
 * The same instance for jsprit, modelled as STACK-NOTES did: one shipment per collection point and site (its size
 * the number of riders, split at the bus capacity), open routes from the depot, a fixed cost per bus so it uses few,
 * every pickup before any drop-off, and the ride-time limit as each shipment's maximum time in the vehicle.
 */
final class JspritPlanner {

    record Result(int buses, double km, long millis, int unassignedRiders, double longestRideHours, String note) {
    }

    private static final double BUS_FIXED_COST = 100_000;

    private final RoadDistance distance;
    private final PlanningRules rules;

    JspritPlanner(RoadDistance distance, PlanningRules rules) {
        this.distance = distance;
        this.rules = rules;
    }

    Result solve(Instance instance, long millis, int threads) {
        long started = System.nanoTime();
        int capacity = rules.capacity(instance.buses().get(0).seats());
        Map<String, GeoPoint> locations = new LinkedHashMap<>();
        locations.put("depot", Instance.LIXIN);
        instance.collectionPoints().forEach(p -> locations.put(p.id(), p.location()));
        instance.sites().forEach(s -> locations.put(s.id(), s.location()));
        VehicleRoutingTransportCostsMatrix.Builder matrix = VehicleRoutingTransportCostsMatrix.Builder
                .newInstance(false);
        for (var from : locations.entrySet()) {
            for (var to : locations.entrySet()) {
                double km = from.getKey().equals(to.getKey()) ? 0 : distance.km(from.getValue(), to.getValue());
                matrix.addTransportDistance(from.getKey(), to.getKey(), km);
                matrix.addTransportTime(from.getKey(), to.getKey(), rules.minutesFor(km));
            }
        }
        VehicleTypeImpl type = VehicleTypeImpl.Builder.newInstance("bus-45").addCapacityDimension(0, capacity)
                .setFixedCost(BUS_FIXED_COST).setCostPerDistance(1.0).setCostPerTransportTime(0).build();
        VehicleImpl bus = VehicleImpl.Builder.newInstance("bus").setStartLocation(Location.newInstance("depot"))
                .setReturnToDepot(false).setType(type).build();
        VehicleRoutingProblem.Builder problem = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.INFINITE).addVehicle(bus)
                .setRoutingCost(matrix.build());
        Map<String, Integer> pairs = new LinkedHashMap<>();
        for (Rider r : instance.riders()) {
            pairs.merge(r.pickup().id() + "|" + r.site().id(), 1, Integer::sum);
        }
        int shipments = 0;
        for (var pair : pairs.entrySet()) {
            String[] ids = pair.getKey().split("\\|");
            int left = pair.getValue();
            while (left > 0) {
                int size = Math.min(left, capacity);
                problem.addJob(Shipment.Builder.newInstance("s" + shipments++).addSizeDimension(0, size)
                        .setPickupLocation(Location.newInstance(ids[0]))
                        .setDeliveryLocation(Location.newInstance(ids[1]))
                        .setMaxTimeInVehicle(rules.maxRideMinutes()).build());
                left -= size;
            }
        }
        VehicleRoutingProblem vrp = problem.build();
        StateManager states = new StateManager(vrp);
        ConstraintManager constraints = new ConstraintManager(vrp, states);
        constraints.addConstraint(pickupsBeforeDropOffs(), ConstraintManager.Priority.CRITICAL);
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(vrp)
                .setProperty(Jsprit.Parameter.THREADS, String.valueOf(threads))
                // Regret insertion needs minutes for the first solution at this size; best insertion, seconds.
                .setProperty(Jsprit.Parameter.CONSTRUCTION, Jsprit.Construction.BEST_INSERTION.toString())
                .setProperty(Jsprit.Parameter.FAST_REGRET, "true")
                .setStateAndConstraintManager(states, constraints).buildAlgorithm();
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        TimeTermination termination = new TimeTermination(millis);
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        long took = (System.nanoTime() - started) / 1_000_000;

        double km = 0;
        double longest = 0;
        Map<String, GeoPoint> where = new HashMap<>(locations);
        for (VehicleRoute route : best.getRoutes()) {
            String previous = "depot";
            double routeKm = 0;
            double firstPickupKm = -1;
            int stops = 0;
            for (TourActivity act : route.getActivities()) {
                String id = act.getLocation().getId();
                routeKm += previous.equals(id) ? 0 : distance.km(where.get(previous), where.get(id));
                if (!previous.equals(id)) {
                    stops++;
                }
                if (firstPickupKm < 0) {
                    firstPickupKm = routeKm;
                }
                previous = id;
            }
            km += routeKm;
            longest = Math.max(longest, (rules.minutesFor(routeKm - firstPickupKm)) / 60.0);
        }
        int unassigned = best.getUnassignedJobs().stream()
                .mapToInt(j -> j.getSize().get(0)).sum();
        return new Result(best.getRoutes().size(), km, took, unassigned, longest,
                shipments + " shipments, " + threads + " threads");
    }

    /** A bus collects everyone before it drops anyone: no pickup may follow a drop-off. */
    private static HardActivityConstraint pickupsBeforeDropOffs() {
        return (context, prev, newAct, next, prevDepartureTime) -> {
            if (newAct instanceof PickupShipment && prev instanceof DeliverShipment) {
                return HardActivityConstraint.ConstraintsStatus.NOT_FULFILLED;
            }
            if (newAct instanceof DeliverShipment && next instanceof PickupShipment) {
                return HardActivityConstraint.ConstraintsStatus.NOT_FULFILLED;
            }
            return HardActivityConstraint.ConstraintsStatus.FULFILLED;
        };
    }

}
