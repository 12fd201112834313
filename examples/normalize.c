/* normalize.c - text in, spoken Spanish out: what liblocutor makes of an article's words.
 * Build: cc normalize.c $(pkg-config --cflags --libs locutor) -o normalize
 * Use:   echo "Murieron 21 personas el 21/03/2024." | ./normalize */
#include <locutor.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text, stdin);
    char err[256] = "";
    locutor_lang *lang;
    locutor_speech *speech;
    locutor_status st = locutor_lang_open(NULL, &lang, err, sizeof err);
    if (st == LOCUTOR_OK) {
        st = locutor_normalize(lang, text, len, LOCUTOR_FORMAT_TEXT, 0, &speech, err, sizeof err);
        locutor_lang_close(lang);
    }
    if (st != LOCUTOR_OK) {
        fprintf(stderr, "normalize: %s\n", *err ? err : locutor_strerror(st));
        return 1;
    }
    char *words = locutor_speech_text(speech);
    if (words) fputs(words, stdout);
    free(words);
    locutor_speech_free(speech);
    return words ? 0 : 1;
}
