// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * kload: record the Linux verifier's verdict for every program of a BPF
 * object file, the way veristat does it.
 *
 * For each program of each object given on the command line the object is
 * opened afresh, autoload is switched on for that one program only, the
 * program gets a 16 MiB log buffer at log level 1 (or --log-level N), and
 * bpf_object__load() runs (libbpf creates the maps, then BPF_PROG_LOAD).  The
 * object is then closed: nothing is attached, pinned or run (pinning is
 * switched off for maps that ask for it).
 *
 * Output: one JSON object per program and line (JSON Lines) on stdout:
 *   {"file", "program", "section", "prog_type", "verdict": "ACCEPT"|"REJECT",
 *    "error", "insns_processed", "errno", "error_lines", "log_tail", "note",
 *    "verification_us", "subprogs", "total_states", "peak_states"}
 * "error" is the last non-empty log line before the "processed N insns"
 * summary line (or the last non-empty line when there is no summary),
 * null for accepted programs.  "error_lines" is the whole message: the run
 * of lines before the summary that are not instruction-trace lines (for
 * example "Unreleased reference id=2 alloc_insn=3" followed by "BPF_EXIT
 * instruction in main prog would lead to reference leak"), at most 10.
 * "verification_us" is the kernel's own "verification time N usec" (what
 * veristat reports as duration) and "subprogs" the number of entries of its
 * "stack depth A+B+..." line; both are only printed by the kernel with the
 * BPF_LOG_STATS bit (log level 4, veristat's default), null otherwise.
 * "total_states" and "peak_states" are read from the summary line (null
 * without one).
 * A program the kernel accepted is recorded as ACCEPT even when libbpf fails
 * afterwards (a prog array slot naming a program that was not loaded); its
 * "errno" and "error_lines" then hold libbpf's failure and "note" says so.
 *
 * Build: gcc -O2 -Wall -o kload scripts/kload.c -lbpf
 * Usage: kload [--name-only] [--log DIR] [--log-level N] FILE.bpf.o...
 *   --name-only    print the file's base name instead of the path given
 *   --log DIR      also write each program's full log to DIR/<file>.<prog>.log
 *   --log-level N  the BPF_PROG_LOAD log level (default 1; 4 = BPF_LOG_STATS
 *                  only, the cheapest log that still gives the verification
 *                  time: scripts/kernel-timing.py uses it)
 */
#define _GNU_SOURCE
#include <bpf/libbpf.h>
#include <errno.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOG_BUF_SIZE (16u << 20)
#define TAIL_LINES 5

static char *log_buf;
static unsigned int log_level = 1;
static char libbpf_msgs[8192];
static size_t libbpf_msgs_len;

/* Keep libbpf's own warnings (not the kernel log) for programs whose load
 * failed before the kernel said anything. */
static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_DEBUG)
		return 0;
	if (libbpf_msgs_len < sizeof(libbpf_msgs) - 1) {
		int n = vsnprintf(libbpf_msgs + libbpf_msgs_len,
				  sizeof(libbpf_msgs) - libbpf_msgs_len, fmt, ap);
		if (n > 0) {
			libbpf_msgs_len += (size_t)n;
			if (libbpf_msgs_len > sizeof(libbpf_msgs) - 1)
				libbpf_msgs_len = sizeof(libbpf_msgs) - 1;
		}
	}
	return 0;
}

static void json_str(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '\r': fputs("\\r", out); break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

/* Split a log into lines, in place.  Returns the number of lines. */
static size_t split_lines(char *buf, char ***lines_out)
{
	size_t cap = 1024, n = 0;
	char **lines = malloc(cap * sizeof(*lines));
	char *save = NULL;
	for (char *l = strtok_r(buf, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		/* strip trailing whitespace */
		size_t len = strlen(l);
		while (len && (l[len - 1] == ' ' || l[len - 1] == '\r' || l[len - 1] == '\t'))
			l[--len] = '\0';
		if (!len)
			continue;
		if (n + 2 > cap) {
			cap *= 2;
			lines = realloc(lines, cap * sizeof(*lines));
		}
		/* Some verifier messages lack their trailing newline (e.g. "expected
		 * prog array map for tail call"), so the summary line (or, at
		 * BPF_LOG_STATS, the verification time line) gets glued to them:
		 * split it off again. */
		char *sum = strstr(l, "processed ");
		char *vt = strstr(l, "verification time ");
		long v;
		if (vt && vt != l && sscanf(vt, "verification time %ld usec", &v) == 1)
			sum = vt;
		else if (!(sum && sum != l && sscanf(sum, "processed %ld insns (limit", &v) == 1))
			sum = NULL;
		if (sum) {
			char *rest = strdup(sum);
			*sum = '\0';
			lines[n++] = l;
			lines[n++] = rest; /* leaked: a few bytes per program */
			continue;
		}
		lines[n++] = l;
	}
	*lines_out = lines;
	return n;
}

/* The summary line: "processed N insns (limit L) max_states_per_insn M
 * total_states T peak_states P mark_read R"; the states stay -1 when a
 * kernel prints less. */
static int is_summary(const char *l, long *insns, long *states, long *peak)
{
	long v, limit, max;
	if (sscanf(l, "processed %ld insns", &v) == 1) {
		*insns = v;
		sscanf(l, "processed %ld insns (limit %ld) max_states_per_insn %ld "
			  "total_states %ld peak_states %ld",
		       &v, &limit, &max, states, peak);
		return 1;
	}
	return 0;
}

/* The BPF_LOG_STATS lines the kernel prints just before the summary:
 * "verification time 12 usec" and "stack depth 16+0". */
static int is_stats_line(const char *l)
{
	return !strncmp(l, "verification time ", 18) || !strncmp(l, "stack depth ", 12);
}

/* A line of the instruction trace (not part of an error message):
 * "12: (85) call ...", "12: R0=...", "; source @ file.c:3",
 * "from 4 to 7: ...", "mark_precise: ...". */
static int is_trace_line(const char *l)
{
	const char *p = l;
	int a, b;
	if (*p >= '0' && *p <= '9') {
		while (*p >= '0' && *p <= '9')
			p++;
		if (*p == ':')
			return 1;
	}
	if ((l[0] == ';' && l[1] == ' ') || l[0] == ' ')
		return 1; /* a source line, or the rest of a state */
	if (sscanf(l, "from %d to %d:", &a, &b) == 2)
		return 1;
	if (!strncmp(l, "mark_precise:", 13) || !strncmp(l, "Live regs before insn:", 22) ||
	    !strncmp(l, "Func#", 5) || !strncmp(l, "Validating ", 11) ||
	    !strncmp(l, "caller:", 7) || !strncmp(l, "callee:", 7) ||
	    !strncmp(l, "returning from callee:", 22) || !strncmp(l, "to caller at", 12))
		return 1;
	return 0;
}

static const char *prog_type_name(struct bpf_program *prog)
{
	const char *s = libbpf_bpf_prog_type_str(bpf_program__type(prog));
	return s ? s : "unknown";
}

/* Never pin: maps a tool pins by name (LIBBPF_PIN_BY_NAME) would need a
 * BPF file system, and pinning is not part of what the verifier sees. */
static void no_pinning(struct bpf_object *obj)
{
	struct bpf_map *map;

	bpf_object__for_each_map(map, obj)
		bpf_map__set_pin_path(map, NULL);
}

/* Load one program of `path` (by index); print its JSON line. */
static int load_one(const char *path, const char *shown, int idx, const char *logdir)
{
	struct bpf_object *obj;
	struct bpf_program *prog, *target = NULL;
	int i = 0, err, log_used = 1;
	const char *note = NULL;

	obj = bpf_object__open_file(path, NULL);
	if (!obj) {
		fprintf(stderr, "kload: cannot open %s: %s\n", path, strerror(errno));
		return -1;
	}
	bpf_object__for_each_program(prog, obj) {
		if (i++ == idx)
			target = prog;
		else
			bpf_program__set_autoload(prog, false);
	}
	if (!target) {
		bpf_object__close(obj);
		return -1;
	}
	bpf_program__set_autoload(target, true);
	no_pinning(obj);
	memset(log_buf, 0, LOG_BUF_SIZE);
	bpf_program__set_log_buf(target, log_buf, LOG_BUF_SIZE);
	bpf_program__set_log_level(target, log_level);
	libbpf_msgs_len = 0;
	libbpf_msgs[0] = '\0';

	err = bpf_object__load(obj);

	char *name = strdup(bpf_program__name(target));
	char *sec = strdup(bpf_program__section_name(target));
	char *ptype = strdup(prog_type_name(target));

	if (err == -ENOSPC) {
		/* The log did not fit: take the verdict of a load without a log. */
		bpf_object__close(obj);
		obj = bpf_object__open_file(path, NULL);
		if (!obj)
			return -1;
		i = 0;
		bpf_object__for_each_program(prog, obj)
			bpf_program__set_autoload(prog, i++ == idx);
		no_pinning(obj);
		libbpf_msgs_len = 0;
		err = bpf_object__load(obj);
		/* The verifier ran to the end before reporting ENOSPC, so the
		 * rotated log ends with a rejection's error line. */
		log_used = err != 0;
		note = "verifier log exceeded 16 MiB (ENOSPC); verdict from a load without a log, "
		       "error, log_tail and insns_processed from the end of the (rotated) 16 MiB log";
	}
	bpf_object__close(obj);

	if (logdir) {
		char fn[4096];
		char *base = strdup(shown);
		snprintf(fn, sizeof(fn), "%s/%s.%s.log", logdir, basename(base), name);
		free(base);
		FILE *f = fopen(fn, "w");
		if (f) {
			fputs(log_buf, f);
			if (libbpf_msgs_len) {
				fputs("\n--- libbpf ---\n", f);
				fputs(libbpf_msgs, f);
			}
			fclose(f);
		}
	}

	char **lines = NULL;
	size_t n = 0;
	long insns = -1, verif_us = -1, subprogs = -1, states = -1, peak_states = -1;
	ssize_t summary = -1;
	/* On ENOSPC the kernel's rotating log still holds the log's last 16 MiB. */
	{
		n = split_lines(log_buf, &lines);
		for (size_t k = n; k-- > 0;) {
			if (is_summary(lines[k], &insns, &states, &peak_states)) {
				summary = (ssize_t)k;
				break;
			}
		}
		/* With BPF_LOG_STATS the summary is preceded by the stats lines;
		 * the message (if any) comes before them. */
		while (summary > 0 && is_stats_line(lines[summary - 1])) {
			const char *l = lines[--summary];
			long v;
			if (sscanf(l, "verification time %ld usec", &v) == 1)
				verif_us = v;
			else if (!strncmp(l, "stack depth ", 12)) {
				subprogs = 1;
				for (const char *c = l + 12; *c; c++)
					subprogs += *c == '+';
			}
		}
	}

	/* A rejection always leaves a message before the summary.  A log that
	 * holds nothing but the summary means the kernel accepted the program
	 * and libbpf failed afterwards (for example filling a prog array with
	 * programs that were not loaded): the verdict is the kernel's. */
	int rejected = err != 0;
	if (err && log_used && summary == 0) {
		rejected = 0;
		note = "the kernel accepted the program; libbpf failed afterwards "
		       "(error_lines holds libbpf's message)";
	}

	const char *error = NULL;
	if (rejected && log_used) {
		if (summary > 0)
			error = lines[summary - 1];
		else if (summary < 0 && n > 0)
			error = lines[n - 1];
	}
	/* Nothing from the kernel: fall back on libbpf's last message. */
	char *lib_err = NULL;
	if (err && !error && libbpf_msgs_len && log_used) {
		char *copy = strdup(libbpf_msgs);
		char **ll;
		size_t ln = split_lines(copy, &ll);
		/* The last message that is not one of libbpf's generic trailers. */
		ssize_t pick = (ssize_t)ln - 1;
		for (ssize_t k = (ssize_t)ln - 1; k >= 0; k--) {
			if (!strstr(ll[k], "failed to load object") &&
			    !strstr(ll[k], "BPF program load failed") &&
			    !strstr(ll[k], "failed to load: -")) {
				pick = k;
				break;
			}
		}
		if (ln) {
			lib_err = strdup(ll[pick]);
			if (!note)
				note = "no verifier log; error is libbpf's last message";
		}
		free(ll);
		free(copy);
	}

	FILE *out = stdout;
	fputs("{\"file\": ", out);
	json_str(out, shown);
	fputs(", \"program\": ", out);
	json_str(out, name);
	fputs(", \"section\": ", out);
	json_str(out, sec);
	fputs(", \"prog_type\": ", out);
	json_str(out, ptype);
	fprintf(out, ", \"verdict\": \"%s\"", rejected ? "REJECT" : "ACCEPT");
	fputs(", \"error\": ", out);
	json_str(out, rejected ? (error ? error : lib_err) : NULL);
	if (insns >= 0)
		fprintf(out, ", \"insns_processed\": %ld", insns);
	else
		fputs(", \"insns_processed\": null", out);
	fprintf(out, ", \"errno\": %d", err ? -err : 0);
	/* error_lines: the run of non-trace lines that ends at `error`. */
	fputs(", \"error_lines\": [", out);
	if (err && error && log_used) {
		ssize_t end = summary > 0 ? summary : (ssize_t)n;
		ssize_t start = end - 1;
		while (start > 0 && end - start < 10 && !is_trace_line(lines[start - 1]))
			start--;
		for (ssize_t k = start; k < end; k++) {
			if (k != start)
				fputs(", ", out);
			json_str(out, lines[k]);
		}
	} else if (err && lib_err) {
		json_str(out, lib_err);
	}
	fputs("]", out);
	fputs(", \"log_tail\": [", out);
	size_t from = n > TAIL_LINES ? n - TAIL_LINES : 0;
	for (size_t k = from; k < n; k++) {
		if (k != from)
			fputs(", ", out);
		json_str(out, lines[k]);
	}
	fputs("], \"note\": ", out);
	json_str(out, note);
	if (verif_us >= 0)
		fprintf(out, ", \"verification_us\": %ld", verif_us);
	else
		fputs(", \"verification_us\": null", out);
	if (subprogs >= 0)
		fprintf(out, ", \"subprogs\": %ld", subprogs);
	else
		fputs(", \"subprogs\": null", out);
	if (states >= 0)
		fprintf(out, ", \"total_states\": %ld, \"peak_states\": %ld", states, peak_states);
	else
		fputs(", \"total_states\": null, \"peak_states\": null", out);
	fputs("}\n", out);
	fflush(out);

	free(lines);
	free(lib_err);
	free(name);
	free(sec);
	free(ptype);
	return 0;
}

int main(int argc, char **argv)
{
	int name_only = 0, rc = 0;
	const char *logdir = NULL;

	libbpf_set_print(libbpf_print);
	log_buf = malloc(LOG_BUF_SIZE);
	if (!log_buf)
		return 2;

	int a = 1;
	for (; a < argc && argv[a][0] == '-'; a++) {
		if (!strcmp(argv[a], "--name-only"))
			name_only = 1;
		else if (!strcmp(argv[a], "--log") && a + 1 < argc)
			logdir = argv[++a];
		else if (!strcmp(argv[a], "--log-level") && a + 1 < argc)
			log_level = (unsigned int)strtoul(argv[++a], NULL, 0);
		else {
			fprintf(stderr, "usage: kload [--name-only] [--log DIR] [--log-level N] "
					"FILE.bpf.o...\n");
			return 2;
		}
	}
	if (a == argc) {
		fprintf(stderr, "usage: kload [--name-only] [--log DIR] [--log-level N] "
				"FILE.bpf.o...\n");
		return 2;
	}
	for (; a < argc; a++) {
		const char *path = argv[a];
		char *copy = strdup(path);
		const char *shown = name_only ? basename(copy) : path;
		struct bpf_object *obj = bpf_object__open_file(path, NULL);
		if (!obj) {
			fprintf(stderr, "kload: cannot open %s: %s\n", path, strerror(errno));
			rc = 1;
			free(copy);
			continue;
		}
		int count = 0;
		struct bpf_program *prog;
		bpf_object__for_each_program(prog, obj)
			count++;
		bpf_object__close(obj);
		for (int i = 0; i < count; i++)
			if (load_one(path, shown, i, logdir))
				rc = 1;
		free(copy);
	}
	free(log_buf);
	return rc;
}
