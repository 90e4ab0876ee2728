"""The RAF-DB (Real-world Affective Faces Database) dataset folder."""
