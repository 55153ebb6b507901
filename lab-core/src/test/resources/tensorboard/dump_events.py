"""Prints, as JSON, what TensorBoard's own reader makes of a log directory.

Used by lab.core.tensorboard.TensorBoardReadsEventsTest: the Java test writes event files with
EventWriter, runs this script, and compares tags, steps and values with what it wrote.
Usage: python3 dump_events.py LOGDIR
"""
import json
import sys

from tensorboard.backend.event_processing import event_accumulator as ea

acc = ea.EventAccumulator(sys.argv[1], size_guidance={ea.SCALARS: 0, ea.HISTOGRAMS: 0, ea.IMAGES: 0})
acc.Reload()
tags = acc.Tags()
out = {"scalars": {}, "histograms": {}, "images": {}}
for tag in tags[ea.SCALARS]:
    out["scalars"][tag] = [[e.step, e.value] for e in acc.Scalars(tag)]
for tag in tags[ea.HISTOGRAMS]:
    out["histograms"][tag] = [
        {"step": e.step, "min": e.histogram_value.min, "max": e.histogram_value.max,
         "num": e.histogram_value.num, "sum": e.histogram_value.sum,
         "bucket_limit": list(e.histogram_value.bucket_limit), "bucket": list(e.histogram_value.bucket)}
        for e in acc.Histograms(tag)]
for tag in tags[ea.IMAGES]:
    out["images"][tag] = [
        {"step": e.step, "width": e.width, "height": e.height, "png_bytes": len(e.encoded_image_string)}
        for e in acc.Images(tag)]
print(json.dumps(out))
