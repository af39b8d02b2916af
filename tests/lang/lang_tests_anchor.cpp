// Keeps asl_lang_tests non-empty; the tests are listed in the .cmake files beside it.
