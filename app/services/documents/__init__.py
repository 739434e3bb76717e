"""The official-document engine (GB/T 9704-2012): model, profile, fonts, typesetting, PDF/DOCX/XLSX."""
