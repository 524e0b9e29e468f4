package org.dmmigrate.cli;

import org.dmmigrate.engine.Shard;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --shard K/N}: one of N independent jobs that split the organisation's media by id,
 * with no coordination and no overlap. A malformed value is a usage error (exit 2) that
 * names the option and the accepted form.
 */
public final class ShardOption {

    @Option(names = "--shard", paramLabel = "K/N", converter = Converter.class,
            description = "Take only shard K of N (1 <= K <= N) of the media, split by media "
                    + "id: run N jobs with K = 1..N to share the work with no overlap.")
    Shard shard = Shard.ALL;

    /** The shard asked for, {@link Shard#ALL} without the option. */
    public Shard shard() {
        return shard;
    }

    /** Reads {@code K/N}; picocli adds the option's name to the message. */
    static final class Converter implements ITypeConverter<Shard> {

        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
