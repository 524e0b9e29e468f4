package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dmmigrate.model.Media;
import org.junit.jupiter.api.Test;

class MediaListingTest {

    @Test
    void mergeKeepsEarlierTitlesAndMediaTheServiceNoLongerLists() {
        List<Media> recorded = List.of(new Media("a", "Old title"), new Media("gone", "Gone"));
        List<Media> listed = List.of(new Media("new", "New"), new Media("a", "Renamed"));

        List<Media> merged = MediaListing.merge(recorded, listed);

        assertThat(merged).containsExactly(new Media("new", "New"), new Media("a", "Old title"),
                new Media("gone", "Gone"));
    }
}
