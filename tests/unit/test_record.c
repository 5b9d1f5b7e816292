/* test_record.c: the session record of a group session: where it goes, what it holds (and
 * what it never holds), and that a failed write leaves nothing half-written. */
#include "harness.h"

#include <cJSON.h>
#include <dirent.h>
#include <unistd.h>

#include "../../engine/app/app.h"

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = calloc(1, 1 << 16);
    size_t n = fread(buf, 1, (1 << 16) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static int count_files(const char *dir) {
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.') n++;
    if (d) closedir(d);
    return n;
}

static void a_session_is_saved_as_json_and_csv(void **state) {
    (void)state;
    char dir[] = "/tmp/defuse-rec-XXXXXX";
    assert_non_null(mkdtemp(dir));
    df_Module m;
    memset(&m, 0, sizeof m);
    m.id = "great-service-every-day";
    m.title = "Great service every day";
    m.minutes = 20;
    m.has_pace = 1;
    m.pace[DF_PART_EXERCISE] = 8;
    m.npoints = 1;
    m.points[0] = (df_Point){"One", "Body", NULL, NULL, NULL, 1};
    m.nexercise = 1;
    m.exercise[0] = "parking-ticket-counter";
    df_Deck deck;
    df_deck_init(&deck, &m);
    df_deck_goto(&deck, DF_SLIDE_EXERCISE, 0);
    df_deck_tick(&deck, 300);

    df_Decision dec[3];
    memset(dec, 0, sizeof dec);
    /* The room's majority; a tie the trainer broke; the trainer overriding the room. */
    dec[0] = (df_Decision){"parking-ticket-counter", "arrives", {0}, 1};
    df_tally_init(&dec[0].tally, 3);
    df_tally_set(&dec[0].tally, 1, 9);
    df_tally_set(&dec[0].tally, 0, 2);
    dec[1] = (df_Decision){"parking-ticket-counter", "queue", {0}, 2};
    df_tally_init(&dec[1].tally, 3);
    df_tally_set(&dec[1].tally, 0, 4);
    df_tally_set(&dec[1].tally, 2, 4);
    df_tally_override(&dec[1].tally, 2);
    dec[2] = (df_Decision){"parking-ticket-counter", "app", {0}, 0, 1, 1}; /* the road not taken, its 2nd decision */
    df_tally_init(&dec[2].tally, 2);
    df_tally_set(&dec[2].tally, 1, 7);
    df_tally_override(&dec[2].tally, 0);

    char path[4096], err[512];
    time_t when = 1795681800; /* 2026-11-26T08:30:00Z */
    assert_int_equal(df_record_session(dir, &m, &deck, dec, 3, when, path, sizeof path, err, sizeof err), 0);
    assert_non_null(strstr(path, "/sessions/20261126-083000-great-service-every-day.json"));

    char *text = slurp(path);
    assert_non_null(text);
    cJSON *root = cJSON_Parse(text);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "module")->valuestring, "great-service-every-day");
    assert_string_equal(cJSON_GetObjectItem(root, "date")->valuestring, "2026-11-26T08:30:00Z");
    assert_int_equal(cJSON_GetObjectItem(root, "seconds_used")->valueint, 300);
    assert_int_equal(cJSON_GetObjectItem(root, "target_seconds")->valueint, 1200);
    cJSON *ex = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "parts"), "exercise");
    assert_int_equal(cJSON_GetObjectItem(ex, "seconds_used")->valueint, 300);
    assert_int_equal(cJSON_GetObjectItem(ex, "budget_seconds")->valueint, 480);
    cJSON *ds = cJSON_GetObjectItem(root, "decisions");
    assert_int_equal(cJSON_GetArraySize(ds), 3);
    cJSON *d0 = cJSON_GetArrayItem(ds, 0);
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(d0, "votes"), "B")->valueint, 9);
    assert_int_equal(cJSON_GetObjectItem(d0, "total_votes")->valueint, 11);
    assert_string_equal(cJSON_GetObjectItem(d0, "chosen")->valuestring, "B");
    assert_string_equal(cJSON_GetObjectItem(d0, "decided_by")->valuestring, "room");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(ds, 1), "decided_by")->valuestring,
                        "trainer, breaking a tie");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(ds, 2), "decided_by")->valuestring,
                        "trainer, overriding the room");
    assert_string_equal(cJSON_GetObjectItem(d0, "road")->valuestring, "room");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(ds, 2), "road")->valuestring, "not taken");
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(ds, 2), "step")->valueint, 2);
    /* Nothing that could name a person: the only keys are these. */
    static const char *const keys[] = {"module", "title", "date", "target_seconds", "seconds_used", "parts", "decisions"};
    int nkeys = 0;
    for (cJSON *k = root->child; k; k = k->next, nkeys++) {
        int ok = 0;
        for (int i = 0; i < 7; i++) ok |= !strcmp(k->string, keys[i]);
        assert_true(ok);
    }
    assert_int_equal(nkeys, 7);
    cJSON_Delete(root);
    free(text);

    char csvp[4200];
    snprintf(csvp, sizeof csvp, "%.*s.csv", (int)(strlen(path) - 5), path);
    text = slurp(csvp);
    assert_non_null(text);
    assert_non_null(strstr(text, "module,date,seconds_used,decision,scenario,road,step,beat,chosen,decided_by,total_votes,votes_a,"));
    assert_non_null(strstr(text, "\r\ngreat-service-every-day,2026-11-26T08:30:00Z,300,1,parking-ticket-counter,room,1,arrives,B,\"room\",11,2,9,0,,,,,,\r\n"));
    assert_non_null(strstr(text, ",3,parking-ticket-counter,not taken,2,app,A,\"trainer, overriding the room\",7,0,7,"));
    free(text);

    /* Only the two records: no temporary file is left behind. */
    char sess[4200];
    snprintf(sess, sizeof sess, "%s/sessions", dir);
    assert_int_equal(count_files(sess), 2);

    /* A data folder that cannot exist (under a file) is an error with a message, not a crash. */
    char bad[4200];
    snprintf(bad, sizeof bad, "%s/blocker", dir);
    FILE *f = fopen(bad, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(df_record_session(bad, &m, &deck, dec, 3, when, NULL, 0, err, sizeof err), -1);
    assert_non_null(strstr(err, "cannot create the folder"));

    unlink(csvp);
    unlink(path);
    rmdir(sess);
    unlink(bad);
    rmdir(dir);
}

static void the_data_folder_follows_xdg(void **state) {
    (void)state;
    char out[4096];
    setenv("DEFUSE_DATA_DIR", "/var/lib/defuse-training", 1); /* the override wins */
    setenv("XDG_DATA_HOME", "/srv/data", 1);
    assert_int_equal(df_data_dir(out, sizeof out), 0);
    assert_string_equal(out, "/var/lib/defuse-training");
    setenv("DEFUSE_DATA_DIR", "not/absolute", 1); /* ignored like a relative XDG value */
    assert_int_equal(df_data_dir(out, sizeof out), 0);
    assert_string_equal(out, "/srv/data/defuse");
    setenv("XDG_DATA_HOME", "relative/ignored", 1); /* the spec says relative values are invalid */
    setenv("HOME", "/home/trainer", 1);
    assert_int_equal(df_data_dir(out, sizeof out), 0);
    assert_string_equal(out, "/home/trainer/.local/share/defuse");
    unsetenv("XDG_DATA_HOME");
    unsetenv("HOME");
    unsetenv("DEFUSE_DATA_DIR");
    assert_int_equal(df_data_dir(out, sizeof out), -1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_session_is_saved_as_json_and_csv),
        cmocka_unit_test(the_data_folder_follows_xdg),
    };
    return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
