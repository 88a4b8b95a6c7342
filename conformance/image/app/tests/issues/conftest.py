# Upstream this file adds the --user-tool-trace option and 60 s Playwright timeouts; the harness requires it to exist.
# The conformance image's tests are plain python3 scripts, so nothing is defined here.
