/* status.c - messages and exit codes for every loc_status. */
#include "status.h"

static const char *const messages[] = {
#define LOC_STATUS_MSG(name, code, msg) [name] = msg,
    LOC_STATUS_LIST(LOC_STATUS_MSG)
#undef LOC_STATUS_MSG
};

static const int exit_codes[] = {
#define LOC_STATUS_CODE(name, code, msg) [name] = code,
    LOC_STATUS_LIST(LOC_STATUS_CODE)
#undef LOC_STATUS_CODE
};

const char *loc_strerror(loc_status status)
{
    if ((unsigned)status >= LOC_STATUS_COUNT || !messages[status]) return "unknown error";
    return messages[status];
}

int loc_exit_code(loc_status status)
{
    if ((unsigned)status >= LOC_STATUS_COUNT) return 1;
    return exit_codes[status];
}
