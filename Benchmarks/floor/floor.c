/*
 * The floor for scripts/bench: the least work a program must do to turn the corpus into templates with
 * triggerc's guarantees, without any of triggerc's checking. It reads every manifest, parses it with
 * libyaml's event API (every event, as triggerc's reader does), then writes the same number of output
 * files with the same total size as triggerc did, each the way triggerc writes them: to a temporary name
 * beside the destination, flushed to disk with fsync, then renamed into place.
 *
 *   cc -O2 -o floor floor.c -lyaml
 *   floor [--no-fsync] OUTDIR FILES_OUT TOTAL_BYTES MANIFEST...
 *
 * FILES_OUT files are spread evenly over the manifests, and TOTAL_BYTES evenly over the files. The bytes
 * written are the manifests' scalars, repeated, so that the parse result is used and not optimised away.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static void fail(const char *what, const char *path) {
    fprintf(stderr, "floor: %s %s: %s\n", what, path, strerror(errno));
    exit(2);
}

static unsigned char *read_file(const char *path, size_t *length) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("cannot open", path);
    struct stat info;
    if (fstat(fd, &info) != 0) fail("cannot stat", path);
    unsigned char *bytes = malloc((size_t)info.st_size + 1);
    size_t done = 0;
    while (done < (size_t)info.st_size) {
        ssize_t count = read(fd, bytes + done, (size_t)info.st_size - done);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) fail("cannot read", path);
        done += (size_t)count;
    }
    close(fd);
    *length = done;
    return bytes;
}

/* Parses with the event API and appends every scalar's bytes to `scalars`; returns the number of events. */
static long parse(const unsigned char *bytes, size_t length, const char *path, char *scalars, size_t *used,
                  size_t capacity) {
    yaml_parser_t parser;
    yaml_event_t event;
    long events = 0;
    if (!yaml_parser_initialize(&parser)) { fprintf(stderr, "floor: no memory\n"); exit(2); }
    yaml_parser_set_input_string(&parser, bytes, length);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "floor: %s: yaml error: %s\n", path, parser.problem);
            exit(1);
        }
        events++;
        if (event.type == YAML_SCALAR_EVENT) {
            size_t n = event.data.scalar.length;
            if (*used + n <= capacity) {
                memcpy(scalars + *used, event.data.scalar.value, n);
                *used += n;
            }
        }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    return events;
}

/* Creates a directory and, only when they are missing, its parents. */
static void make_directories(char *path) {
    if (mkdir(path, 0755) == 0 || errno == EEXIST) return;
    if (errno != ENOENT) fail("cannot create", path);
    char *slash = strrchr(path, '/');
    if (!slash || slash == path) fail("cannot create", path);
    *slash = '\0';
    make_directories(path);
    *slash = '/';
    if (mkdir(path, 0755) != 0 && errno != EEXIST) fail("cannot create", path);
}

static void write_atomically(const char *path, const char *contents, size_t length, int sync) {
    char temporary[4096];
    const char *slash = strrchr(path, '/');
    snprintf(temporary, sizeof temporary, "%.*s/.%s.tmp-%d", (int)(slash - path), path, slash + 1, (int)getpid());
    int fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail("cannot create", temporary);
    size_t done = 0;
    while (done < length) {
        ssize_t count = write(fd, contents + done, length - done);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) fail("cannot write", temporary);
        done += (size_t)count;
    }
    if (sync) fsync(fd);
    close(fd);
    if (rename(temporary, path) != 0) fail("cannot rename", temporary);
}

int main(int argc, char **argv) {
    int sync = 1, first = 1;
    if (argc > 1 && strcmp(argv[1], "--no-fsync") == 0) { sync = 0; first = 2; }
    if (argc - first < 4) {
        fprintf(stderr, "usage: floor [--no-fsync] OUTDIR FILES_OUT TOTAL_BYTES MANIFEST...\n");
        return 64;
    }
    const char *outdir = argv[first];
    long files_out = atol(argv[first + 1]);
    long long total = atoll(argv[first + 2]);
    char **manifests = argv + first + 3;
    int count = argc - first - 3;
    long events = 0, written = 0;
    long long bytes_written = 0;
    for (int index = 0; index < count; index++) {
        size_t length;
        unsigned char *bytes = read_file(manifests[index], &length);
        static char scalars[1 << 20];
        size_t used = 0;
        events += parse(bytes, length, manifests[index], scalars, &used, sizeof scalars);
        if (used == 0) scalars[used++] = ' ';
        /* This manifest's share of the files, and each file's share of the bytes. */
        long files_here = files_out * (index + 1) / count - files_out * index / count;
        char directory[4096];
        snprintf(directory, sizeof directory, "%s/%05d", outdir, index);
        if (files_here > 0) make_directories(directory);
        for (long file = 0; file < files_here; file++, written++) {
            long long size = total * (written + 1) / files_out - total * written / files_out;
            char *contents = malloc((size_t)size + 1);
            for (long long at = 0; at < size; at += (long long)used) {
                size_t n = (size_t)(size - at) < used ? (size_t)(size - at) : used;
                memcpy(contents + at, scalars, n);
            }
            char path[8192];
            snprintf(path, sizeof path, "%s/trigger.%ld.json", directory, file);
            write_atomically(path, contents, (size_t)size, sync);
            bytes_written += size;
            free(contents);
        }
        free(bytes);
    }
    printf("%d manifests, %ld events, %ld files, %lld bytes\n", count, events, written, bytes_written);
    return 0;
}
