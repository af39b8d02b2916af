// Keeps asl_lang non-empty while its parsers are listed in the .cmake files beside it.
