// Entry point of the kamerzoek command (argument parsing lives in the cli/ files).
#include <iostream>
int main() { std::cerr << "kamerzoek: not built yet\n"; return 1; }
