/* es_say_unit.c - verbalizers for amounts with a unit: money and measures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "es_say.h"

static es_gender gender_of(const table_entry *e)
{
    char g[4];
    table_feature(e->features, "g", g, sizeof g);
    return g[0] == 'f' ? ES_FEM : ES_MASC;
}

/* An integer amount that ends in millón/millones takes "de": un millón de euros. */
static bool round_millions(const char *digits)
{
    size_t n = strlen(digits);
    return n >= 7 && strspn(digits + n - 6, "0") == 6;
}

/* The integer amount and the unit's singular or plural: un euro, una libra, dos millones de euros
 */
static bool amount_with(const es_lang *lang, strbuf *out, const char *digits, const char *forms,
                        es_gender g)
{
    bool one = strcmp(digits, "1") == 0 || strcmp(digits, "-1") == 0;
    return es_say_number(lang, out, digits, g, true) &&
           (!round_millions(digits) || sb_word(out, "de")) && es_say_form(out, forms, !one);
}

/* MONEY "EUR 15" -> quince euros; "EUR 3.20" -> tres euros con veinte céntimos;
 * "USD 3 millones" -> tres millones de dólares; "GBP 0.01" -> un penique; "EUR 10-15" -> diez a
 * quince euros */
static bool say_money(const es_lang *lang, const char *payload, const char *mark, bool abroad,
                      strbuf *out);

/* A price per unit with cents, read as a rate: "EUR 142.35" -> ciento cuarenta y dos coma
 * treinta y cinco euros (false when it is not one: no cents, a scale, an unknown code) */
static bool say_rate(const es_lang *lang, const char *payload, const char *mark, strbuf *out)
{
    char code[16], amount[64], scale[32] = "";
    if (sscanf(payload, "%15s %63s %31[^\n]", code, amount, scale) != 2) return false;
    const table_entry *cur = table_get(lang->currencies, code);
    const char *dot = strchr(amount, '.');
    if (!cur || !dot || strspn(dot + 1, "0") == strlen(dot + 1)) return false;
    return es_say_rate_mark(lang, out, amount, gender_of(cur), true, mark) &&
           es_say_form(out, cur->spoken, true);
}

/* MONEY "EUR 120.50 /MWh" -> ciento veinte coma cincuenta euros por megavatio hora (a rate);
 * "EUR 4.20 /kg" -> cuatro coma veinte euros el kilo (units.tsv price=) */
bool es_say_money(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const char *per = strstr(t->payload, " /");
    if (!per && (t->flags & SEM_RATE) && say_rate(lang, t->payload, ES_MARK(t), out)) return true;
    if (!per) return say_money(lang, t->payload, ES_MARK(t), t->flags & SEM_OF_DOLLAR, out);
    char head[128];
    snprintf(head, sizeof head, "%.*s", (int)(per - t->payload), t->payload);
    const table_entry *u = table_get(lang->units, per + 2);
    char price[32];
    es_feature_words(u, "price", price, sizeof price);
    if (!(say_rate(lang, head, ES_MARK(t), out) ||
          say_money(lang, head, ES_MARK(t), t->flags & SEM_OF_DOLLAR, out)))
        return false;
    if (price[0]) return sb_word(out, price);
    return sb_word(out, "por") && (u ? es_say_form(out, u->spoken, false) : sb_word(out, per + 2));
}

/* An amount and its scale word: 2456300 millones -> dos billones cuatrocientos cincuenta y seis mil
 * trescientos millones (a million millions is a billón); else the amount and the word. */
static bool say_scaled(const es_lang *lang, const char *amount, const char *scale, const char *mark,
                       strbuf *out)
{
    size_t n = strlen(amount);
    if (!strcmp(amount, "1")) /* 1 M€: un millón; 1 MM€: mil millones */
        return !strcmp(scale, "mil millones")
                   ? sb_word(out, scale)
                   : es_say_number_mark(lang, out, amount, ES_MASC, true, mark) &&
                         sb_word(out, !strcmp(scale, "millones")   ? "millón"
                                      : !strcmp(scale, "billones") ? "billón"
                                                                   : scale);
    if (strcmp(scale, "millones") || n < 7 || n > 12 || strspn(amount, "0123456789") != n)
        return es_say_number_mark(lang, out, amount, ES_MASC, true, mark) && sb_word(out, scale);
    bool rest;
    return es_say_millions_count(lang, out, strtoull(amount, NULL, 10), &rest) &&
           (!rest || sb_word(out, scale));
}

/* An amount of money; abroad: not the home money, so cents alone say the currency
 * (currencies.tsv abroad=: cincuenta centavos de dólar) */
static bool say_money(const es_lang *lang, const char *payload, const char *mark, bool abroad,
                      strbuf *out)
{
    char code[16], amount[64], scale[32] = "";
    if (sscanf(payload, "%15s %63s %31[^\n]", code, amount, scale) < 2)
        return sb_word(out, payload);
    const table_entry *cur = table_get(lang->currencies, code);
    if (!cur)
        return es_say_letters(lang, out, code, strlen(code), 0) &&
               es_say_number(lang, out, amount, ES_MASC, false);
    es_gender g = gender_of(cur);
    if (scale[0]) /* tres millones de dólares, dos coma tres billones de euros */
        return say_scaled(lang, amount, scale, mark, out) &&
               (!strcmp(scale, "mil") || sb_word(out, "de")) && es_say_form(out, cur->spoken, true);
    char *dash = strchr(amount + 1, '-');
    if (dash) { /* "EUR 10-15": diez a quince euros */
        *dash = '\0';
        return es_say_number_mark(lang, out, amount, g, false, mark) && sb_word(out, "a") &&
               amount_with(lang, out, dash + 1, cur->spoken, g);
    }
    char *dot = strchr(amount, '.');
    char cent[64];
    table_feature(cur->features, "cent", cent, sizeof cent);
    /* more than cents, one decimal after units, or no cents to name: tres coma cinco cero uno
     * euros, ocho coma dos pesos ($8,2 por litro; but $0,1 diez centavos), tres coma cinco u efe */
    size_t decimals = dot ? strlen(dot + 1) : 0;
    if (dot && (decimals > 2 || (decimals == 1 && atoi(amount) != 0) || !cent[0]))
        return es_say_rate_mark(lang, out, amount, g, true, mark) &&
               es_say_form(out, cur->spoken, true);
    unsigned cents = 0;
    if (dot) {
        cents = (unsigned)atoi(dot + 1) * (decimals == 1 ? 10 : 1);
        *dot = '\0';
    }
    bool units = strtoull(amount, NULL, 10) != 0 || !cents;
    bool ok = !units || amount_with(lang, out, amount, cur->spoken, g);
    if (!ok || !cents) return ok;
    char cg[4];
    table_feature(cur->features, "cg", cg, sizeof cg);
    if (units && !sb_word(out, "con")) return false;
    char digits[16];
    snprintf(digits, sizeof digits, "%u", cents);
    char whose[32];
    es_feature_words(cur, "abroad", whose, sizeof whose);
    return amount_with(lang, out, digits, cent, cg[0] == 'f' ? ES_FEM : ES_MASC) &&
           (units || !abroad || !whose[0] || sb_word(out, whose));
}

/* "km/l" of two units in the table -> an entry "kilómetro por litro|kilómetros por litro" with the
 * first unit's gender, written into *e and forms; NULL when either is unknown. */
static const table_entry *per_unit(const es_lang *lang, const char *key, table_entry *e,
                                   char *forms, size_t size)
{
    const char *slash = strchr(key, '/');
    if (!slash || strchr(slash + 1, '/')) return NULL;
    char first[32];
    snprintf(first, sizeof first, "%.*s", (int)(slash - key), key);
    const table_entry *a = table_get(lang->units, first), *b = table_get(lang->units, slash + 1);
    if (!a || !b) return NULL;
    const char *abar = strchr(a->spoken, '|'), *bbar = strchr(b->spoken, '|');
    int bl = bbar ? (int)(bbar - b->spoken) : (int)strlen(b->spoken);
    if (abar)
        snprintf(forms, size, "%.*s por %.*s|%s por %.*s", (int)(abar - a->spoken), a->spoken, bl,
                 b->spoken, abar + 1, bl, b->spoken);
    else
        snprintf(forms, size, "%s por %.*s", a->spoken, bl, b->spoken);
    *e = *a;
    e->written = key;
    e->spoken = forms;
    return e;
}

/* MEASURE "120 km/h" -> ciento veinte kilómetros por hora; "1 h" -> una hora;
 * "-2 °C" -> menos dos grados; "1/2 mm" -> medio milímetro; "1 1/2 m" -> un metro y medio;
 * "30-35 °C" -> treinta a treinta y cinco grados centígrados */
bool es_say_measure(const es_lang *lang, const sem_token *t, strbuf *out)
{
    /* a duration "2 h 30 min": dos horas y treinta minutos */
    char a1[16], u1[16];
    int used = 0;
    const char *p = t->payload;
    if (sscanf(p, "%15s %15s %n", a1, u1, &used) == 2 && used && p[used] && !strchr(u1, '/') &&
        !strchr(p + used, '/') && table_get(lang->units, u1)) {
        bool ok = true;
        while (ok && sscanf(p, "%15s %15s %n", a1, u1, &used) >= 2) {
            const table_entry *u = table_get(lang->units, u1);
            if (!u) return sb_word(out, t->payload);
            bool last = p[used] == '\0' || used == 0;
            if (last && p != t->payload) ok = sb_word(out, "y");
            ok = ok && amount_with(lang, out, a1, u->spoken, gender_of(u));
            if (last) break;
            p += used;
        }
        return ok;
    }
    /* the longest unit after a blank: "4.8 l/100 km", "1 1/2 m"; or two joined: "15 km/l" */
    const char *sp = NULL;
    const table_entry *u = NULL;
    table_entry joined;
    char forms[160];
    for (const char *b = strchr(t->payload, ' '); b && !u; b = strchr(b + 1, ' '))
        if ((u = table_get(lang->units, b + 1)) ||
            (u = per_unit(lang, b + 1, &joined, forms, sizeof forms)))
            sp = b;
    if (!sp) return sb_word(out, t->payload);
    char amount[64];
    size_t n = (size_t)(sp - t->payload);
    if (!u || n >= sizeof amount) return sb_word(out, t->payload);
    table_entry full_named; /* "2 kg" alone: dos kilogramos; in a sentence, kilos */
    char full[64] = "";
    if (t->flags & SEM_ALONE) table_feature(u->features, "full", full, sizeof full);
    if (full[0]) {
        full_named = *u;
        full_named.spoken = full;
        u = &full_named;
    }
    memcpy(amount, t->payload, n);
    amount[n] = '\0';
    es_gender g = gender_of(u);
    char *dash = strchr(amount + 1, '-');
    if (dash) { /* 30-35 °C -> treinta a treinta y cinco grados centígrados */
        *dash = '\0';
        return es_say_number_mark(lang, out, amount, g, false, ES_MARK(t)) && sb_word(out, "a") &&
               (strchr(dash + 1, '.')
                    ? es_say_number_mark(lang, out, dash + 1, g, true, ES_MARK(t)) &&
                          es_say_form(out, u->spoken, true)
                    : amount_with(lang, out, dash + 1, u->spoken, g));
    }
    if (strchr(amount, '/')) return es_say_fraction_of(lang, out, amount, g, u->spoken);
    const char *dot = strchr(amount, '.');
    if (dot && dot == amount + 1 && (amount[0] == '1' || amount[0] == '2') && strlen(dot) == 3 &&
        strcmp(dot, ".00") && !(t->flags & SEM_POINT) && !strcmp(u->written, "m")) {
        char whole[2] = {amount[0], '\0'}; /* 1,80 m: a height, un metro ochenta */
        return amount_with(lang, out, whole, u->spoken, g) &&
               es_cardinal(&lang->num, out, strtoull(dot + 1, NULL, 10), ES_MASC, false);
    }
    if (dot) /* decimals take the plural: uno coma cinco kilómetros */
        return es_say_number_mark(lang, out, amount, g, false, ES_MARK(t)) &&
               es_say_form(out, u->spoken, true);
    return amount_with(lang, out, amount, u->spoken, g);
}
