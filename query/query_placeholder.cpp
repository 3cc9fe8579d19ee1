// Placeholder until the query library lands.
namespace kz::query { int placeholder() { return 0; } }
