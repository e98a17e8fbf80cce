""""Zet in je agenda" (issue 16): an iCalendar file with the estimated date of each stage after the
request, made on the fly from the date the person says they sent it. Nothing is stored.

stages.py holds the dates (pure Python), calendar.py writes the file, views.py is the form.
"""
