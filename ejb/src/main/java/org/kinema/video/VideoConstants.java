package org.kinema.video;

import org.kinema.platform.DomainException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The categories, licences and languages a video may have, with PeerTube's ids and labels. */
public final class VideoConstants {

    public static final Map<Integer, String> CATEGORIES = numbered("Music", "Films", "Vehicles", "Art", "Sports",
            "Travels", "Gaming", "People", "Comedy", "Entertainment", "News & Politics", "How To", "Education",
            "Activism", "Science & Technology", "Animals", "Kids", "Food");

    public static final Map<Integer, String> LICENCES = numbered("Attribution", "Attribution - Share Alike",
            "Attribution - No Derivatives", "Attribution - Non Commercial",
            "Attribution - Non Commercial - Share Alike", "Attribution - Non Commercial - No Derivatives",
            "Public Domain Dedication");

    /** ISO 639-1 codes with their English names. */
    public static final Map<String, String> LANGUAGES = languages();

    private VideoConstants() {
    }

    static int checkedCategory(int id) {
        if (!CATEGORIES.containsKey(id)) {
            throw DomainException.invalid("Unknown category: " + id);
        }
        return id;
    }

    static int checkedLicence(int id) {
        if (!LICENCES.containsKey(id)) {
            throw DomainException.invalid("Unknown licence: " + id);
        }
        return id;
    }

    static String checkedLanguage(String code) {
        if (!LANGUAGES.containsKey(code)) {
            throw DomainException.invalid("Unknown language: " + code);
        }
        return code;
    }

    private static Map<Integer, String> numbered(String... labels) {
        Map<Integer, String> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            map.put(i + 1, labels[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, String> languages() {
        Map<String, String> map = new TreeMap<>();
        for (String code : Locale.getISOLanguages()) {
            String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
            if (!name.isBlank() && !name.equals(code)) {
                map.put(code, name);
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
