"""MVTec AD: industrial object and texture categories with defect-type folders."""
