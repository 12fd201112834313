#!/usr/bin/perl
# words_in_c.pl - fails when a list of Spanish words sits in the normalizer's C code: every array
# with an initializer (static const char *const name[] = {...}, char name[][8] = {...}, an array
# of structs, a compound literal (const char *const[]){...}) in src/normalize/**/*.c and *.h
# whose strings hold a lower-case word ("siglo", "ganó", "ión") is reported as file:line. Words,
# endings and number words belong in voices/es/*.tsv (cues.tsv, numbers.tsv, morphology.tsv...).
# An array that is not Spanish says so in a comment on its line or in its paragraph above (up to
# a blank line, at most 12 lines), with one of the reasons below: /* not words (file names) */.
# Usage: words_in_c.pl SOURCE_DIR
use strict;
use warnings;
use utf8;
use File::Find;

# What may be written in C: none of it is Spanish language data.
my @reasons = ('file names', 'letters', 'language codes', 'espeak-ng voices', 'Roman numerals',
    'unit symbols');
my $reason_re = join '|', map { quotemeta } @reasons;

my $root = shift // '.';
my @files;
find(sub { push @files, $File::Find::name if /\.[ch]$/ }, "$root/src/normalize");
binmode STDERR, ':encoding(UTF-8)';
my $bad = 0;
for my $file (sort @files) {
    open my $fh, '<:encoding(UTF-8)', $file or die "$file: $!\n";
    my $text = do { local $/; <$fh> };
    close $fh;
    # an array (of any type) with an initializer, or a compound literal of char pointers
    while ($text =~ /(?:\w\s*(?:\[[^\]\n]*\]\s*)+=\s*\{|char\s*\*\s*(?:const\s*)?(?:\[[^\]]*\]\s*)+\)\s*\{)/g) {
        my $start = $-[0];
        my ($depth, $i) = (1, pos($text));
        while ($depth > 0 && $i < length $text) {
            my $ch = substr($text, $i, 1);
            if ($ch eq '"') { # skip a string literal
                $i++;
                $i++ while $i < length $text && substr($text, $i, 1) ne '"' && (substr($text, $i, 1) ne '\\' || $i++);
            } elsif ($ch eq "'") { # and a character literal ('{', '"')
                $i++;
                $i++ while $i < length $text && substr($text, $i, 1) ne "'" && (substr($text, $i, 1) ne '\\' || $i++);
            }
            $depth++ if $ch eq '{';
            $depth-- if $ch eq '}';
            $i++;
        }
        pos($text) = $i;
        my $block = substr($text, $start, $i - $start);
        my @words = grep { /^\p{Ll}[\p{Ll}.\-]*$/ } ($block =~ /"((?:[^"\\]|\\.)*)"/g);
        next unless @words;
        my $line = 1 + (substr($text, 0, $start) =~ tr/\n//);
        my $eol = index($text, "\n", $start);
        $eol = length $text if $eol < 0;
        my @lines = split /\n/, substr($text, 0, $eol), -1;
        my $from = $#lines; # the paragraph above (back to a blank line, at most 12 lines)
        $from-- while $from > 0 && $#lines - $from < 12 && $lines[$from - 1] =~ /\S/;
        my $context = join "\n", @lines[$from .. $#lines];
        next if $context =~ m{(?:/\*|\*|//)\s*not words \((?:$reason_re)\)};
        my $shown = join ' ', map { "\"$_\"" } @words[0 .. ($#words < 3 ? $#words : 3)];
        my $why = $context =~ /not words/
            ? 'its "not words" comment gives no accepted reason'
            : 'Spanish words in C';
        print STDERR "$file:$line: $why ($shown...): move them to voices/es/*.tsv, or, when they "
            . "are not Spanish, say so: /* not words (REASON) */, REASON one of: "
            . join(', ', @reasons) . "\n";
        $bad++;
    }
}
print "words_in_c: $bad word list(s) in src/normalize\n" if $bad;
exit($bad ? 1 : 0);
