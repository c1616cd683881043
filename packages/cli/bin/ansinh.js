#!/usr/bin/env node
// The `ansinh` command. A committed file rather than dist/bin.js itself, so that package
// managers can link the command before a workspace build has made dist/ (no "Failed to create bin").
import '../dist/bin.js'
