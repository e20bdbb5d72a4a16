"""Where the app keeps things on disk: paths, the case database, settings. No Qt."""
