/* quiet.h - silences standard error around library calls that print their own noise. */
#ifndef LOC_QUIET_H
#define LOC_QUIET_H

/* Sends fd 2 to /dev/null; returns a handle for quiet_end (-1 if nothing changed). */
int quiet_begin(void);
/* Restores standard error saved by quiet_begin. */
void quiet_end(int saved);

#endif
