package org.chunfeng.bench.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples the stack's JVMs twice a second: the largest sum of their resident memory while a phase runs, and the CPU
 * seconds each of them (and the benchmark's own JVM) spent in it, which says which process the load is bound on.
 */
final class Monitor implements AutoCloseable {

    /** A phase's figures: peak RSS of the stack, and per process its peak RSS and CPU seconds. */
    record Phase(String name, double seconds, long peakStackRssKb, Map<String, Long> peakRssKb,
            Map<String, Double> cpuSeconds) {
    }

    private static final String BACKGROUND = "class-data archive (background)";
    private static final double TICKS_PER_SECOND = 100.0;
    private static final String BENCH = "benchmark client";
    private static final String OTHERS = "rest of the machine";

    private final StackProcess stack;
    private final Thread thread;
    private volatile boolean running = true;
    private String phase;
    private long phaseStart;
    private Map<Long, StackProcess.Sample> first = new LinkedHashMap<>();
    private Map<Long, StackProcess.Sample> last = new LinkedHashMap<>();
    private long peakStack;
    private long machineFirst = -1;
    private long machineLast;
    private Map<String, Long> peakRss = new LinkedHashMap<>();

    Monitor(StackProcess stack) {
        this.stack = stack;
        this.thread = new Thread(this::loop, "stack-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sampleNow();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sampleNow() {
        if (phase == null) {
            return;
        }
        List<StackProcess.Sample> samples = stack.sample();
        long total = 0;
        for (StackProcess.Sample s : samples) {
            first.putIfAbsent(s.pid(), s);
            last.put(s.pid(), s);
            peakRss.merge(s.name(), s.rssKb(), Math::max);
            if (!s.name().equals(BACKGROUND)) {
                total += s.rssKb();
            }
        }
        long self = ProcessHandle.current().pid();
        StackProcess.Sample bench = new StackProcess.Sample(BENCH, self, StackProcess.ProcFs.rssKb(self),
                StackProcess.ProcFs.cpuTicks(self));
        first.putIfAbsent(-1L, bench);
        last.put(-1L, bench);
        machineLast = StackProcess.ProcFs.machineBusyTicks();
        if (machineFirst < 0) {
            machineFirst = machineLast;
        }
        peakStack = Math.max(peakStack, total);
    }

    synchronized void begin(String name) {
        phase = name;
        phaseStart = System.nanoTime();
        first = new LinkedHashMap<>();
        last = new LinkedHashMap<>();
        peakStack = 0;
        peakRss = new LinkedHashMap<>();
        machineFirst = -1;
        sampleNow();
    }

    synchronized Phase end() {
        sampleNow();
        Map<String, Double> cpu = new LinkedHashMap<>();
        last.forEach((pid, s) -> cpu.merge(s.name(), (s.cpuTicks() - first.get(pid).cpuTicks()) / TICKS_PER_SECOND,
                Double::sum));
        // Other engineers' builds and benchmarks share the two cores: what they took shows here.
        double ours = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        cpu.put(OTHERS, Math.max(0, (machineLast - machineFirst) / TICKS_PER_SECOND - ours));
        Phase result = new Phase(phase, (System.nanoTime() - phaseStart) / 1e9, peakStack, peakRss, cpu);
        phase = null;
        return result;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
