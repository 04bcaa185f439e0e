/* runstat CMD ARGS...: runs a command and prints "<wall seconds> <peak RSS
 * KiB> <CPU seconds>" of it on stderr (its own output passes through), for
 * the benchmarks. CPU time (user + system) is printed beside the wall
 * clock because on a shared machine other processes stretch the wall clock
 * of both sides of a ratio, but not their CPU time. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval t)
{
    return (double)t.tv_sec + (double)t.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: runstat CMD [ARGS...]\n", stderr);
        return 64;
    }
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
        return 71;
    clock_gettime(CLOCK_MONOTONIC, &b);
    double secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    fprintf(stderr, "%.4f %ld %.4f\n", secs, ru.ru_maxrss, seconds(ru.ru_utime) + seconds(ru.ru_stime));
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
