"""The JHU-CROWD++ dataset folder."""
