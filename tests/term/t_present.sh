# The presenter view (v in a group's course): what a projector shows is
# only what the group may see. No trainer's notes and no attendee's name
# on any step: the pages, a check's roll call, the recording of answers,
# a check's results and the results overview show counts and a spread of
# scores instead. v again brings the trainer's view back, and the notes
# key is named in the footer at 80 and at 60 columns, in both languages.
. tests/term/lib.sh

# Nothing private on the screen: no name of the roll call, no notes.
nothing_private() {
  term_lacks "Åsa Öberg"
  term_lacks "Bo Ek"
  term_lacks "Ask the group."
  term_lacks "Trainer's notes"
  term_lacks "Utbildarens anteckningar"
}

term_group_session 80 24 2026-11-26
term_add_new_attendee "Åsa Öberg" "Miljöförvaltningen"
term_wait "Åsa Öberg"
term_keys a
term_wait "Name (optional"
term_keys "Bo Ek" Enter
term_wait "> Miljöförvaltningen"
term_keys Enter
term_wait "Level of work"
term_keys Enter
term_wait "Attendees (2)"
term_keys Enter
# the trainer's view first: the roll call of the check by name
term_wait "Knowledge check before the course"
term_has "Åsa Öberg  not taken yet"
term_has "v presenter view"
term_keys v
term_wait "Presenter view"
term_has "Not taken by anyone yet."
term_has "v trainer's view"
nothing_private
# recording the answers: by number, no names, no list of attendees
term_keys Enter
term_wait "Recording answer 1 of 2"
nothing_private
term_keys 1 Enter
term_wait "Recording answer 2 of 2"
term_keys 1 2 Enter
term_wait "1 of 2 answered correctly."
term_keys Enter
# the results of the check: counted and spread, never named; the check
# before the course passes nobody
term_wait "Taken by 2 of 2."
bar=$(printf '#%.0s' $(seq 40))
term_has "75-100%   $bar 1"
term_has "50-74%     0"
term_has "0-24%     $bar 1"
term_lacks "passed"
nothing_private
term_keys Enter
term_wait "Taken by 2 of 2."
term_has "0-24%: 1   25-49%: 0   50-74%: 0   75-100%: 1"
nothing_private
term_keys Right
term_wait "Module 1/2: The law   Page 1/1"
term_keys Right
term_wait "Knowledge check: The law"
term_keys Enter
term_wait "Recording answer 1 of 2"
term_keys 2 Enter
term_wait "Recording answer 2 of 2"
term_keys 1 Enter
term_wait "1 of 2 answered correctly."
term_keys Enter
term_wait "Taken by 2 of 2, passed by 1."
nothing_private
term_keys Enter Right
# the page with trainer's notes: not shown, and no key for them
term_wait "Module 2/2: Signs   Page 1/2"
nothing_private
term_lacks "t notes"
term_keys t
term_lacks "Ask the group."
# the overview of results: the group's, counted
term_keys o
term_wait "Results of the group: Example course"
term_has "2 taking part"
term_has "The law: completed by 1 of 2"
term_has "Taken by 2 of 2, passed by 1."
nothing_private
term_keys q
# the trainer's view again: the notes, and their key in the footer
term_wait "Module 2/2: Signs   Page 1/2"
term_keys v
term_wait "Trainer's notes"
term_has "Ask the group."
term_has "t notes"
term_lacks "Presenter view"
term_keys o
term_wait "Results: Example course"
term_has "Åsa Öberg  (1/2; Tab for the next person)"
term_has "Tab next person"
term_keys Tab
term_wait "Bo Ek  (2/2; Tab for the next person)"
term_keys q
term_wait "Trainer's notes"
# 60 columns: the notes key and the view key still in the footer
term_resize 60 16
term_wait "t notes"
term_has "v presenter view"
term_keys v
term_wait "v trainer's view"
nothing_private
term_keys q
term_wait "Attendees (2)"
term_keys q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"

# In Swedish at 60x16: the same keys, named in Swedish
term_start 60 16 --lang sv --content tests/fixtures/content train
term_wait "Fortsätt: 2026-11-26"
term_keys End Enter # the open session, the last row
term_wait "Deltagare (2)"
term_keys Enter
term_wait "Modul 2/2"
term_wait "t anteckningar"
term_has "v visningsvy"
term_has "Utbildarens anteckningar"
term_keys v
term_wait "Visningsvy"
term_has "v utbildarens vy"
nothing_private
term_keys q
term_wait "Deltagare (2)"
term_keys q
term_wait "Genomför ett utbildningstillfälle"
term_keys q
term_wait "EXIT=0"
term_finish
