#!/usr/bin/perl
# words_in_c.pl - fails when a list of Spanish words sits in the normalizer's C code: every array
# of strings (static const char *const name[] = {...}, (const char *const[]){...}) in
# src/normalize/**/*.c and *.h that holds a lower-case word ("siglo", "ganó") is reported as
# file:line. Words belong in voices/es/*.tsv (context words: cues.tsv, by role). An array that is
# truly not a word list (file names, suffixes, Roman numerals) says so in a comment on its line or
# in its paragraph above (up to a blank line, at most 12 lines): /* not words: file names */.
# Usage: words_in_c.pl SOURCE_DIR
use strict;
use warnings;
use utf8;
use File::Find;

my $root = shift // '.';
my @files;
find(sub { push @files, $File::Find::name if /\.[ch]$/ }, "$root/src/normalize");
my $bad = 0;
for my $file (sort @files) {
    open my $fh, '<:encoding(UTF-8)', $file or die "$file: $!\n";
    my $text = do { local $/; <$fh> };
    close $fh;
    # an array of char pointers with an initializer, or a compound literal of one
    while ($text =~ /char\s*\*\s*(?:const\s*)?\w*\s*\[[^\]]*\](?:\s*\[[^\]]*\])*\s*(?:=|\))\s*\{/g) {
        my $start = $-[0];
        my ($depth, $i) = (1, pos($text));
        while ($depth > 0 && $i < length $text) {
            my $ch = substr($text, $i, 1);
            if ($ch eq '"') { # skip a string literal
                $i++;
                $i++ while $i < length $text && substr($text, $i, 1) ne '"' && (substr($text, $i, 1) ne '\\' || $i++);
            }
            $depth++ if $ch eq '{';
            $depth-- if $ch eq '}';
            $i++;
        }
        my $block = substr($text, $start, $i - $start);
        my @words = grep { /^\p{Ll}[\p{Ll}.\-]*$/ } ($block =~ /"((?:[^"\\]|\\.)*)"/g);
        next unless @words;
        my $line = 1 + (substr($text, 0, $start) =~ tr/\n//);
        my @lines = split /\n/, substr($text, 0, $start) . substr($text, $start, index($text, "\n", $start) - $start), -1;
        my $from = $#lines; # the paragraph above (back to a blank line, at most 12 lines)
        $from-- while $from > 0 && $#lines - $from < 12 && $lines[$from - 1] =~ /\S/;
        my $context = join "\n", @lines[$from .. $#lines];
        next if $context =~ m{(?:/\*|\*|//)\s*not words:};
        my $shown = join ' ', map { "\"$_\"" } @words[0 .. ($#words < 3 ? $#words : 3)];
        binmode STDERR, ':encoding(UTF-8)';
        print STDERR "$file:$line: Spanish words in C ($shown...): move them to voices/es/*.tsv "
            . "(cues.tsv roles), or mark a list that is not words with /* not words: why */\n";
        $bad++;
    }
}
print "words_in_c: $bad word list(s) in src/normalize\n" if $bad;
exit($bad ? 1 : 0);
