#!/usr/bin/env bash
# Regenerates the sample media in samples/ and their ground-truth .srt sidecars.
#
# Every sentence is synthesised separately with espeak-ng (fixed voice, speed, pitch),
# its leading/trailing silence is trimmed with sox, and its exact length is measured in
# samples (soxi -s). The sentences are joined with fixed silences, so each SRT cue is
# computed from sample counts, not estimated. The joined WAV is then encoded with ffmpeg.
#
# Needs (Debian: apt-get install espeak-ng sox ffmpeg). Made with:
#   eSpeak NG 1.51, SoX v14.4.2, ffmpeg 5.1.x (Debian 12, libx264, native aac, libmp3lame)
# Other versions work; the output then differs slightly (timings are re-measured, so the
# .srt files always match the media they were generated with).
#
# Usage: samples/make-samples.sh            (writes next to this script)
set -euo pipefail
export LC_ALL=C.UTF-8

for tool in espeak-ng sox soxi ffmpeg ffprobe; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool (apt-get install espeak-ng sox ffmpeg)" >&2; exit 1; }
done

OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

RATE=22050          # espeak-ng's native rate; all intermediate audio stays at this rate
LEAD=0.30           # silence before the first sentence (s)
GAP=0.50            # silence between sentences (s)
TAIL=0.50           # minimum silence after the last sentence (s); padded so the total is a whole
                    # number of 10 fps video frames (100 ms), so audio and video end together
SPEED=160           # espeak-ng words per minute
PITCH=50
MAX_BYTES=256000    # every media file must stay under ~250 KB

echo "espeak-ng: $(espeak-ng --version | head -1)"
echo "sox:       $(sox --version | head -1 | sed 's/^sox: *//')"
echo "ffmpeg:    $(ffmpeg -version | head -1)"

# Silence of the given length (seconds, or samples with an "s" suffix) as a WAV at $RATE, mono, 16-bit.
silence() { sox -r "$RATE" -c 1 -b 16 -n "$2" trim 0 "$1"; }

# ms_to_srt MILLISECONDS -> HH:MM:SS,mmm
ms_to_srt() {
  local ms=$1
  printf '%02d:%02d:%02d,%03d' $((ms / 3600000)) $((ms / 60000 % 60)) $((ms / 1000 % 60)) $((ms % 1000))
}

# samples_to_ms SAMPLES -> milliseconds, rounded to nearest
samples_to_ms() { echo $(( ($1 * 1000 + RATE / 2) / RATE )); }

# build NAME VOICE SENTENCE... -> $WORK/NAME.wav (joined speech) and $OUT/NAME.srt
build() {
  local name=$1 voice=$2; shift 2
  local dir="$WORK/$name"; mkdir -p "$dir"
  silence "$LEAD" "$dir/lead.wav"
  silence "$GAP"  "$dir/gap.wav"

  local offset; offset=$(soxi -s "$dir/lead.wav")
  local gap; gap=$(soxi -s "$dir/gap.wav")
  local parts=("$dir/lead.wav") srt="" i=0 text
  for text in "$@"; do
    i=$((i + 1))
    espeak-ng -v "$voice" -s "$SPEED" -p "$PITCH" -a 100 -g 0 -b 1 -w "$dir/raw$i.wav" -- "$text"
    # Trim leading and trailing silence so the cue covers exactly the spoken sentence.
    sox "$dir/raw$i.wav" -r "$RATE" -c 1 -b 16 "$dir/s$i.wav" \
      silence 1 0.005 0.1% reverse silence 1 0.005 0.1% reverse
    local n; n=$(soxi -s "$dir/s$i.wav")
    local start_ms end_ms
    start_ms=$(samples_to_ms "$offset")
    end_ms=$(samples_to_ms $((offset + n)))
    srt+="$i"$'\n'"$(ms_to_srt "$start_ms") --> $(ms_to_srt "$end_ms")"$'\n'"$text"$'\n\n'
    printf '  %s #%d: samples %d..%d (%.3f s) %s\n' "$name" "$i" "$offset" $((offset + n)) \
      "$(soxi -D "$dir/s$i.wav")" "$text"
    parts+=("$dir/s$i.wav")
    offset=$((offset + n))
    if [ "$i" -lt $# ]; then parts+=("$dir/gap.wav"); offset=$((offset + gap)); fi
  done
  local frame=$((RATE / 10)) tail; tail=$(awk -v t="$TAIL" -v r="$RATE" 'BEGIN { printf "%d", t * r + 0.5 }')
  tail=$(( (offset + tail + frame - 1) / frame * frame - offset ))
  silence "${tail}s" "$dir/tail.wav"
  parts+=("$dir/tail.wav")
  sox "${parts[@]}" "$WORK/$name.wav"
  # One cue per sentence: index, times, text, blank line. UTF-8 without BOM, LF endings.
  printf '%s' "$srt" > "$OUT/$name.srt"
}

# Common ffmpeg flags for reproducible output: no encoder/creation metadata, one thread.
FF=(ffmpeg -hide_banner -loglevel error -y -threads 1)
BITEXACT=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact)

# encode_mp4 NAME COLOUR -> $OUT/NAME.mp4: plain-colour 320x180 10 fps H.264 + 32k mono AAC
encode_mp4() {
  local name=$1 colour=$2 dur
  dur=$(soxi -D "$WORK/$name.wav")
  "${FF[@]}" -f lavfi -i "color=c=$colour:s=320x180:r=10:d=$dur" -i "$WORK/$name.wav" \
    -map 0:v -map 1:a \
    -c:v libx264 -preset veryslow -tune stillimage -crf 30 -pix_fmt yuv420p -g 100 \
    -x264-params threads=1 -profile:v baseline \
    -c:a aac -b:a 32k -ac 1 -ar "$RATE" \
    "${BITEXACT[@]}" -movflags +faststart "$OUT/$name.mp4"
}

# encode_mp3 NAME -> $OUT/NAME.mp3: 32k mono MP3 at 44.1 kHz (an MPEG-1 Layer III stream, so the
# file starts with the common FF FB frame sync; no ID3 tag)
encode_mp3() {
  local name=$1
  "${FF[@]}" -i "$WORK/$name.wav" -c:a libmp3lame -b:a 32k -ac 1 -ar 44100 \
    "${BITEXACT[@]}" -id3v2_version 0 -write_id3v1 0 "$OUT/$name.mp3"
}

echo "synthesising..."
build welcome en-us \
  "Welcome to TranscriptKit." \
  "One client library talks to five transcription vendors." \
  "Upload a video, wait for the job, and download the captions." \
  "Every sample in this folder comes with its own transcript."
build short-note en-us \
  "This is a short audio note." \
  "It has two sentences and no video."
build bonjour fr \
  "Bonjour et bienvenue dans TranscriptKit." \
  "Cette vidéo est en français."

echo "encoding..."
encode_mp4 welcome 0x1e3a5f
encode_mp3 short-note
encode_mp4 bonjour 0x5f1e3a

echo "checking..."
fail=0
for f in welcome.mp4 short-note.mp3 bonjour.mp4; do
  name=${f%.*}
  size=$(stat -c %s "$OUT/$f")
  want=$(soxi -D "$WORK/$name.wav")
  got=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$OUT/$f")
  streams=$(ffprobe -v error -show_entries stream=codec_type,codec_name -of csv=p=0 "$OUT/$f" | tr '\n' ' ')
  printf '  %-15s %7d bytes  %.3f s (speech %.3f s)  %s\n' "$f" "$size" "$got" "$want" "$streams"
  [ "$size" -le "$MAX_BYTES" ] || { echo "  $f is larger than $MAX_BYTES bytes" >&2; fail=1; }
  awk -v a="$got" -v b="$want" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < 0.15) }' \
    || { echo "  $f duration $got differs from $want" >&2; fail=1; }
  # Decode and check that speech starts where the first cue says (encoder delay handled).
  ffmpeg -v error -i "$OUT/$f" -vn -ac 1 -ar "$RATE" -y "$WORK/check.wav"
  sox "$WORK/check.wav" "$WORK/check-trim.wav" silence 1 0.005 0.1%
  lead_ms=$(samples_to_ms $(( $(soxi -s "$WORK/check.wav") - $(soxi -s "$WORK/check-trim.wav") )))
  cue_ms=$(awk -F'[:, ]' 'NR == 2 { print (($1 * 60 + $2) * 60 + $3) * 1000 + $4; exit }' "$OUT/$name.srt")
  [ $((lead_ms - cue_ms)) -le 20 ] && [ $((cue_ms - lead_ms)) -le 20 ] \
    || { echo "  $f: speech starts at ${lead_ms} ms, first cue at ${cue_ms} ms" >&2; fail=1; }
  if [ "${f##*.}" = mp4 ]; then
    [ "$(head -c 8 "$OUT/$f" | tail -c 4)" = ftyp ] || { echo "  $f: no ftyp box at offset 4" >&2; fail=1; }
  fi
done
exit "$fail"
