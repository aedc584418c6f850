/*
 * stall-probe: when was a core not available to this machine's threads at all?
 *
 * One thread per core, pinned to it, at real-time priority (SCHED_FIFO 50: it preempts every normal
 * thread in this system), wakes every 2 ms and records how late it woke. A late wake-up of more than
 * a millisecond or two means the core ran nothing of this system's choosing: in a virtual machine the
 * host had taken the virtual CPU, or the kernel ran without a point where it could switch (a kernel
 * built with "preempt=none"). DashboardBenchmark (-Dstalls=FILE) reads the file to tell pulses the
 * machine stalled from pulses the dashboard made slow.
 *
 * Build: cc -O2 -pthread -o stall-probe stall-probe.c
 * Run:   sudo ./stall-probe SECONDS FILE   (real-time priority needs root or CAP_SYS_NICE; without it
 *        the probe runs at normal priority and its stalls include ordinary waits for a core)
 * FILE:  one line per wake-up later than 1 ms: "cpu start end", epoch nanoseconds (CLOCK_REALTIME),
 *        from when the thread should have woken to when it did. A summary per core goes to stdout.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define PERIOD_NS 2000000L
#define LATE_NS 1000000L

static int seconds;
static FILE *out;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

static void *probe(void *arg) {
    int cpu = (int) (long) arg;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    struct sched_param param = {.sched_priority = 50};
    if (pthread_setschedparam(pthread_self(), SCHED_FIFO, &param) != 0 && cpu == 0) {
        fprintf(stderr, "stall-probe: no real-time priority (run as root): stalls include waits for a core\n");
    }
    struct timespec next, now, real;
    clock_gettime(CLOCK_MONOTONIC, &next);
    clock_gettime(CLOCK_REALTIME, &real);
    long long toReal = ns(real) - ns(next);
    long long start = ns(next), end = start + seconds * 1000000000LL;
    long wakeups = 0, over5 = 0, over20 = 0, over50 = 0;
    long long longest = 0;
    while (1) {
        next.tv_nsec += PERIOD_NS;
        if (next.tv_nsec >= 1000000000L) { next.tv_nsec -= 1000000000L; next.tv_sec++; }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
        clock_gettime(CLOCK_MONOTONIC, &now);
        long long late = ns(now) - ns(next);
        wakeups++;
        if (late > longest) longest = late;
        if (late > 5000000LL) over5++;
        if (late > 20000000LL) over20++;
        if (late > 50000000LL) over50++;
        if (late > LATE_NS) {
            pthread_mutex_lock(&out_lock);
            fprintf(out, "%d %lld %lld\n", cpu, ns(next) + toReal, ns(now) + toReal);
            fflush(out);
            pthread_mutex_unlock(&out_lock);
        }
        // Late by more than a period: skip the wake-ups missed rather than count one stall many times.
        if (late > PERIOD_NS) next = now;
        if (ns(now) >= end) break;
    }
    printf("cpu%d: %ld wake-ups, late by over 5 ms %ld, over 20 ms %ld, over 50 ms %ld; longest %.1f ms\n",
           cpu, wakeups, over5, over20, over50, longest / 1e6);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: stall-probe SECONDS FILE\n");
        return 2;
    }
    seconds = atoi(argv[1]);
    out = fopen(argv[2], "w");
    if (out == NULL) { perror(argv[2]); return 1; }
    int cores = (int) sysconf(_SC_NPROCESSORS_ONLN);
    pthread_t threads[256];
    for (int i = 0; i < cores && i < 256; i++) pthread_create(&threads[i], NULL, probe, (void *) (long) i);
    for (int i = 0; i < cores && i < 256; i++) pthread_join(threads[i], NULL);
    fclose(out);
    return 0;
}
