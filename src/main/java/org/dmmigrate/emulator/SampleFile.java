package org.dmmigrate.emulator;

import org.jspecify.annotations.Nullable;

/**
 * The real media files behind the sample organisation, committed under
 * {@code src/main/resources/org/dmmigrate/emulator/sample/} by
 * {@code scripts/make-sample-media.sh}; their technical properties as ffprobe reported them
 * (durations rounded to whole seconds, codec names in MediaInfo style).
 */
enum SampleFile {
    CLIP_A("clip-a.mp4", "MPEG-4", "AVC", "AAC LC", 320, 240, 2),
    CLIP_B("clip-b.mp4", "MPEG-4", "AVC", "AAC LC", 512, 288, 3),
    CLIP_HD("clip-hd.mp4", "MPEG-4", "AVC", "AAC LC", 1280, 720, 1),
    CLIP_FLV("clip.flv", "Flash Video", "Sorenson Spark", "MPEG Audio", 320, 240, 2),
    CLIP_MKV("clip.mkv", "Matroska", "AVC", "Vorbis", 320, 240, 2),
    CLIP_MOV("clip.mov", "QuickTime", "AVC", "AAC LC", 320, 180, 2),
    CLIP_AVI("clip.avi", "AVI", "MPEG-4 Visual", "PCM", 320, 240, 1),
    CLIP_PS("clip-ps.mpg", "MPEG-PS", "MPEG Video", "MPEG Audio", 320, 240, 1),
    CLIP_ASF("clip.asf", "Windows Media", "WMV2", "WMA", 320, 240, 1),
    THUMB_SMALL("thumb-80x60.jpg", "JPEG", "JPEG", null, 80, 60, 0),
    THUMB_MEDIUM("thumb-160x120.jpg", "JPEG", "JPEG", null, 160, 120, 0),
    THUMB_LARGE("thumb-320x240.jpg", "JPEG", "JPEG", null, 320, 240, 0),
    THUMB_SOURCE("thumb-848x636.jpg", "JPEG", "JPEG", null, 848, 636, 0),
    THUMB_SOURCE_WIDE("thumb-848x477.jpg", "JPEG", "JPEG", null, 848, 477, 0);

    /** The classpath folder of the files. */
    static final String FOLDER = "/org/dmmigrate/emulator/sample/";

    final String fileName;

    final String container;

    final String videoCodec;

    final @Nullable String audioCodec;

    final int width;

    final int height;

    /** Whole seconds; 0 for pictures. */
    final int duration;

    SampleFile(String fileName, String container, String videoCodec,
            @Nullable String audioCodec, int width, int height, int duration) {
        this.fileName = fileName;
        this.container = container;
        this.videoCodec = videoCodec;
        this.audioCodec = audioCodec;
        this.width = width;
        this.height = height;
        this.duration = duration;
    }

    /** The file's bytes, loaded once. */
    ResourceContent content() {
        return ResourceContent.of(FOLDER + fileName);
    }
}
