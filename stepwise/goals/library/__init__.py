"""The goal library: ready SMART goals per competency and level, as data, searched in memory."""
