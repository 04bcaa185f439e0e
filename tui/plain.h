/* The plain-line interface: every journey as a dialogue of lines, for
 * screen readers, braille displays, dumb terminals and scripts (`tillit
 * --plain`, or chosen by itself when TERM is dumb or unset or standard
 * input or output is not a terminal). Each step is said once as text, then
 * a prompt lists its choices by number and key; one answer per input line.
 * It is a second front-end on the same core workflows as the full-screen
 * interface: the rules, texts and saves are the same. docs/plain.md. */
#ifndef TILLIT_PLAIN_H
#define TILLIT_PLAIN_H

#include "cli.h"
#include "content.h"
#include "plaintext.h"
#include "store.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct {
    FILE *in, *out;
    int cols;            /* no line is longer: COLUMNS, else the terminal's, else 80 */
    int rows;            /* page length for long texts; 0: no paging (not a terminal) */
    bool echo;           /* input is not a terminal: repeat each answer after its prompt */
    bool ended;          /* the input ended or a stop signal came: save nothing more, leave */
    bool quit;           /* the user typed q: every journey returns */
    int said;            /* lines written since the last prompt, for paging */
    int prompt_cols;     /* columns of the prompt's last line, where the answer starts */
    bool skip;           /* the reader asked to skip the rest of a long text */
    char *line;          /* the last line read (getline's buffer) */
    size_t cap;
    /* What the journeys work on. */
    tl_library lib;
    tl_store *store;
    const char *db_path;
    const char *lang;
} plain;

/* What a prompt got: a choice (1..n), or one of the commands every prompt
 * takes. */
typedef enum {
    P_CHOICE,   /* p->line holds the text; plain_choose: the number in *choice */
    P_BACK,     /* b */
    P_QUIT,     /* q, or the end of the input, or a stop signal */
    P_HELP,     /* ? */
    P_EMPTY     /* an empty line */
} plain_answer;

/* Says a text: markdown-light, wrapped to the width, paged on a terminal. */
void plain_say(plain *p, const char *markdown);
/* Text laid out already (the case summary): said line by line as it is. */
void plain_say_lines(plain *p, const char *text);
/* printf-style, one wrapped paragraph. */
void plain_sayf(plain *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A heading line for a new step. */
void plain_heading(plain *p, const char *title);
/* A list: "1 label" per item, wrapped under its text. */
void plain_list(plain *p, const char *const *labels, int n);

/* Asks a question and reads one line. The commands every prompt takes are
 * answered here (lang switches the language and returns P_EMPTY so the
 * caller says its step again; hide clears the screen until a line is
 * given); the rest is returned. */
plain_answer plain_ask(plain *p, const char *prompt);
/* Asks for a choice among n: a number 1..n or one of keys (a string of
 * one-letter keys, matched case-insensitively, their index n+1.. in
 * *choice). Says what is wrong and asks again for anything else. */
plain_answer plain_choose(plain *p, const char *prompt, int n, const char *keys, int *choice);
/* Reads a free text (a name, a case reference): P_CHOICE with the text in
 * p->line (may be empty), or P_QUIT. Commands are not taken here, except
 * that a line of only "b" or "q" says back or quit... */
plain_answer plain_text(plain *p, const char *prompt);
/* A yes/no question (what it asks is said first); Enter alone is no. */
bool plain_confirm(plain *p, const char *question);

/* The journeys; each returns when the user goes back or the input ends. */
void plain_checklist(plain *p, const char *checklist_id);
void plain_study(plain *p, const char *curriculum_id);
void plain_training(plain *p, const char *curriculum_id);

void plain_statistics(plain *p);

/* Runs the plain interface: the main menu, or start ("check", "study",
 * "train", ...) first. */
tl_status plain_run(const tl_options *o, const char *start, tl_error *err);
/* True when the plain interface is to be used without --plain: TERM is
 * dumb or unset, or standard input or output is not a terminal. */
bool plain_wanted(void);

#endif
