package no.kontor.bootstrap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs one operation from several threads for a fixed time after a warm-up and
 * reports throughput and latency percentiles (HdrHistogram). Bounded in time; it
 * stops by itself.
 */
public final class LoadRunner {

    @FunctionalInterface
    public interface Operation {
        /** One request; {@code worker} and {@code iteration} let it vary its input. Throws on a failed request. */
        void run(int worker, long iteration) throws Exception;
    }

    public record Result(String name, double perSecond, double p50Ms, double p99Ms, long errors) {
        @Override
        public String toString() {
            return String.format("%-34s %10.0f/s   p50 %7.2f ms   p99 %7.2f ms   errors %d", name, perSecond, p50Ms, p99Ms, errors);
        }
    }

    private LoadRunner() {
    }

    public static Result run(String name, int threads, long warmupMillis, long measureMillis, Operation op) throws InterruptedException {
        var recorder = new Recorder(3);
        var errors = new AtomicLong();
        var measuring = new java.util.concurrent.atomic.AtomicBoolean(false);
        var stop = new java.util.concurrent.atomic.AtomicBoolean(false);
        var start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            var t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long i = 0;
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    try {
                        op.run(worker, i++);
                        if (measuring.get()) {
                            recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                        }
                    } catch (Exception e) {
                        if (measuring.get()) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }, "load-" + name + "-" + w);
            t.start();
            workers.add(t);
        }
        start.countDown();
        Thread.sleep(warmupMillis);
        recorder.getIntervalHistogram(); // discard the warm-up
        measuring.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(measureMillis);
        Histogram h = recorder.getIntervalHistogram();
        double seconds = (System.nanoTime() - t0) / 1e9;
        measuring.set(false);
        stop.set(true);
        for (Thread t : workers) {
            t.join(10_000);
        }
        return new Result(name, h.getTotalCount() / seconds, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, errors.get());
    }

    /** The median of several runs' figures, each taken on its own (throughput, p50, p99). */
    public static Result median(List<Result> runs) {
        return new Result(runs.get(0).name(), med(runs.stream().mapToDouble(Result::perSecond).toArray()),
                med(runs.stream().mapToDouble(Result::p50Ms).toArray()), med(runs.stream().mapToDouble(Result::p99Ms).toArray()),
                runs.stream().mapToLong(Result::errors).sum());
    }

    private static double med(double[] values) {
        java.util.Arrays.sort(values);
        return values[values.length / 2];
    }
}
