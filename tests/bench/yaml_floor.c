/* yaml_floor FILE...: the floor for content loading: reads each file and
 * runs it through libyaml's event parser, nothing else. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv)
{
    long events = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f)
            return 66;
        yaml_parser_t p;
        yaml_parser_initialize(&p);
        yaml_parser_set_input_file(&p, f);
        yaml_event_t ev;
        int done = 0;
        while (!done && yaml_parser_parse(&p, &ev)) {
            done = ev.type == YAML_STREAM_END_EVENT;
            events++;
            yaml_event_delete(&ev);
        }
        yaml_parser_delete(&p);
        fclose(f);
    }
    printf("%ld events\n", events);
    return 0;
}
