#!/usr/bin/env bash
# Regenerates bench/sentences.txt, the sentence pool the corpus synthesizer draws body text from,
# out of the sample PDFs in corpus/. Run it again when corpus/ gains documents.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-$here/../corpus}"
out="${2:-$here/sentences.txt}"

for f in "$corpus"/*.pdf; do
  # Plain mode joins line-end hyphenation; a blank line separates blocks.
  pdftotext -q -enc UTF-8 "$f" -
  printf '\n\n'
done | perl -CSD -Mutf8 -e '
  local $/ = "";                      # paragraph mode: one block per read
  my %seen;
  while (my $block = <STDIN>) {
    $block =~ s/\x{FB01}/fi/g; $block =~ s/\x{FB02}/fl/g; $block =~ s/\x{00A0}/ /g;
    # A short line without closing punctuation is a heading: keep it apart from its paragraph.
    $block =~ s/^([^\n]{1,50}[^\s.,;:?!])\n(?=[A-Z\x{c0}-\x{de}])/$1.\n\n/mg;
    $block =~ s/\s*\n\n\s*/ \x{1} /g;
    $block =~ s/\s*\n\s*/ /g;
    # Footnote markers glued to a word or a sentence end ("2025.1 De", "oostflank2 en").
    $block =~ s/(?<=[a-z\x{e0}-\x{ff}\)])\d{1,2}(?=[\s.,;:])//g;
    $block =~ s/(?<=\d{4}\.)\d(?=\s)//g;
    # Split after . ? ! followed by a capital, but not after common abbreviations.
    my @parts = split /(?<=[.?!])\s+(?:\x{1}\s+)?(?=[A-Z\x{c0}-\x{de}\x{2018}\x{201c}(])/, $block;
    my @sent;
    for my $p (@parts) {
      if (@sent && $sent[-1] =~ /\b(?:nr|a\.s|o\.a|m\.b\.t|t\.a\.v|d\.d|i\.p\.v|bijv|vs|mr|dhr|mw|drs|ir|prof|dr|ca|resp|jl|art|p)\.$/i) {
        $sent[-1] .= " $p";
      } else { push @sent, $p; }
    }
    for my $s (@sent) {
      $s =~ s/\x{1}//g; $s =~ s/^\s+|\s+$//g; $s =~ s/\s{2,}/ /g;
      $s =~ s/^\d{1,2}\s+(?=[A-Z])//;            # footnote number opening a footnote text
      next unless $s =~ /^[A-Z\x{c0}-\x{de}\x{2018}(]/ && $s =~ /[.?!]$/;
      next if length($s) < 40 || length($s) > 420;
      my @w = split /\s+/, $s;
      next if @w < 7;
      next if $s =~ /Pagina \d+ van|kst-\d|ISSN|Vergaderjaar|vergaderjaar \d{4}|Retouradres|Onze referentie/;
      next if $s =~ /\bDatum\b \d|Postbus|www\.|Zr\.\s?Ms\.$|:\s*\d+\.$/;
      next if $s =~ /\b[A-Z]{4,}\s+[A-Z]{2,}\s+[A-Z]{2,}\b/;   # letterhead in capitals
      $s =~ s/^Geachte (?:voorzitter|heer|mevrouw)[^,]*,\s*//;
      $s =~ s/(?<=[a-z]\.)\d\.$//;
      next if $s =~ /;\s*[a-z]\.$/;
      next if $seen{$s}++;
      print "$s\n";
    }
  }' > "$out"
echo "$(wc -l < "$out") sentences written to $out" >&2
