// Placeholder translation unit until the IR sources land.
