#!/bin/sh
# Regenerates the sample organisation's media files (committed, so the build never needs
# ffmpeg). Flags aim at reproducible output: bitexact muxers/encoders, no metadata, one thread.
# Usage: scripts/make-sample-media.sh  (from the repository root; needs ffmpeg and ffprobe)
set -eu

OUT=src/main/resources/org/dmmigrate/emulator/sample
mkdir -p "$OUT"

BITEXACT="-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1 -threads 1"
X264="-c:v libx264 -preset veryfast -pix_fmt yuv420p -x264-params threads=1"

ff() {
    ffmpeg -hide_banner -loglevel error -y "$@"
}

# clip-a: 320x240, 2 s, colour test pattern, 440 Hz tone.
ff -f lavfi -i testsrc2=size=320x240:rate=25 -f lavfi -i sine=frequency=440:sample_rate=44100 \
    -t 2 $X264 -b:v 200k -c:a aac -b:a 64k -ac 1 $BITEXACT "$OUT/clip-a.mp4"

# clip-b: 512x288, 3 s, moving colour bars, 660 Hz tone.
ff -f lavfi -i smptehdbars=size=512x288:rate=25 -f lavfi -i sine=frequency=660:sample_rate=44100 \
    -t 3 $X264 -b:v 250k -c:a aac -b:a 64k -ac 1 $BITEXACT "$OUT/clip-b.mp4"

# clip-hd: 1280x720, 1 s, Mandelbrot zoom, 880 Hz tone, low bitrate to stay small.
ff -f lavfi -i mandelbrot=size=1280x720:rate=25 -f lavfi -i sine=frequency=880:sample_rate=44100 \
    -t 1 $X264 -crf 40 -c:a aac -b:a 64k -ac 1 $BITEXACT "$OUT/clip-hd.mp4"

# Containers the original tool did not map, and sources with unusual extensions.
ff -f lavfi -i testsrc=size=320x240:rate=25 -f lavfi -i sine=frequency=330:sample_rate=44100 \
    -t 2 -c:v flv -b:v 200k -c:a libmp3lame -b:a 64k -ac 1 $BITEXACT "$OUT/clip.flv"
ff -f lavfi -i rgbtestsrc=size=320x240:rate=25 -f lavfi -i sine=frequency=550:sample_rate=44100 \
    -t 2 $X264 -b:v 150k -c:a libvorbis -b:a 64k -ac 1 $BITEXACT "$OUT/clip.mkv"
ff -f lavfi -i testsrc2=size=320x180:rate=25 -f lavfi -i sine=frequency=770:sample_rate=44100 \
    -t 2 $X264 -b:v 150k -c:a aac -b:a 64k -ac 1 $BITEXACT -f mov "$OUT/clip.mov"
ff -f lavfi -i testsrc=size=320x240:rate=25 -f lavfi -i sine=frequency=990:sample_rate=44100 \
    -t 1 -c:v mpeg4 -b:v 200k -c:a pcm_s16le -ac 1 $BITEXACT "$OUT/clip.avi"
ff -f lavfi -i smptebars=size=320x240:rate=25 -f lavfi -i sine=frequency=220:sample_rate=44100 \
    -t 1 -c:v mpeg2video -b:v 300k -c:a mp2 -b:a 64k -ac 1 $BITEXACT -f vob "$OUT/clip-ps.mpg"
ff -f lavfi -i testsrc2=size=320x240:rate=25 -f lavfi -i sine=frequency=1100:sample_rate=44100 \
    -t 1 -c:v wmv2 -b:v 200k -c:a wmav2 -b:a 64k -ac 1 $BITEXACT "$OUT/clip.asf"

# Thumbnails: one frame of clip-a's pattern at each service size.
for size in 80x60 160x120 320x240 848x636; do
    ff -f lavfi -i testsrc2=size=$size:rate=1 -frames:v 1 -c:v mjpeg -q:v 5 -pix_fmt yuvj420p \
        $BITEXACT "$OUT/thumb-$size.jpg"
done
ff -f lavfi -i mandelbrot=size=848x477:rate=1 -frames:v 1 -c:v mjpeg -q:v 6 -pix_fmt yuvj420p \
    $BITEXACT "$OUT/thumb-848x477.jpg"

ls -l "$OUT"
