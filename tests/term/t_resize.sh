# Below the minimum size the program shows a "too small" notice instead of a
# broken layout, and it recovers when the terminal grows again.
. tests/term/lib.sh
term_start 80 24
term_wait "Run a training session"
term_resize 40 12
term_wait "Terminal too small"
term_has "need 60x16, have 40x12"
term_lacks "Run a training session"
term_resize 80 24
term_wait "Run a training session"
term_lacks "Terminal too small"
term_resize 20 5
term_wait "Terminal too small"
term_keys q
term_wait "EXIT=0"
term_finish
