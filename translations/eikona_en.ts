<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/error_text.cpp" line="9"/>
        <source>These settings cannot be used: check the size, the steps and the strength.</source>
        <translation>These settings cannot be used: check the size, the steps and the strength.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="11"/>
        <source>The device or precision chosen in Preferences is not available on this computer: choose Automatic.</source>
        <translation>The device or precision chosen in Preferences is not available on this computer: choose Automatic.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="14"/>
        <source>The model was not found. Choose another one, or add it with File ▸ Add a model folder….</source>
        <translation>The model was not found. Choose another one, or add it with File ▸ Add a model folder….</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="16"/>
        <source>The model could not be opened: its files are damaged, or it is not a Stable Diffusion 1.5 model.</source>
        <translation>The model could not be opened: its files are damaged, or it is not a Stable Diffusion 1.5 model.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="19"/>
        <source>Not enough memory for this picture: try a smaller size or batch.</source>
        <translation>Not enough memory for this picture: try a smaller size or batch.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="21"/>
        <source>The init image cannot be read: choose another picture.</source>
        <translation>The init image cannot be read: choose another picture.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="23"/>
        <source>The picture could not be saved: check that the pictures folder (Preferences) exists and can be written to.</source>
        <translation>The picture could not be saved: check that the pictures folder (Preferences) exists and can be written to.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="26"/>
        <source>The render server cannot be reached: the job stays in the queue; start it again when the server is back.</source>
        <translation>The render server cannot be reached: the job stays in the queue; start it again when the server is back.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="29"/>
        <source>The render server refused the job: check its address and token in Preferences ▸ Servers.</source>
        <translation>The render server refused the job: check its address and token in Preferences ▸ Servers.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="31"/>
        <location filename="../ui/error_text.cpp" line="33"/>
        <source>Something went wrong; the window is still usable.</source>
        <translation>Something went wrong; the window is still usable.</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../ui/help_dialogs.cpp" line="10"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../ui/help_dialogs.cpp" line="11"/>
        <source>&lt;table cellspacing=&apos;6&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Generate now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Add to the queue&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Cancel the running job&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Up / Ctrl+Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;More or less weight for the selected words&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Start from a picture&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Start from the picture on the clipboard (or drop one on the canvas)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1 / Ctrl+2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;The picture / the gallery&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Search the gallery&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter, Space / Delete / F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;In the gallery: open / move to the trash (Ctrl+Z undoes) / favourite&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Preferences&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel, + / −, double-click&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoom the canvas, fit it&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=&apos;6&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Generate now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Add to the queue&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Cancel the running job&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Up / Ctrl+Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;More or less weight for the selected words&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Start from a picture&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Start from the picture on the clipboard (or drop one on the canvas)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1 / Ctrl+2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;The picture / the gallery&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Search the gallery&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter, Space / Delete / F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;In the gallery: open / move to the trash (Ctrl+Z undoes) / favourite&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Preferences&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel, + / −, double-click&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoom the canvas, fit it&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location filename="../ui/help_dialogs.cpp" line="32"/>
        <source>About Eikona</source>
        <translation>About Eikona</translation>
    </message>
    <message>
        <location filename="../ui/help_dialogs.cpp" line="33"/>
        <source>&lt;h3&gt;Eikona %1&lt;/h3&gt;&lt;p&gt;Stable Diffusion 1.5 on your own computer.&lt;/p&gt;&lt;p&gt;Engine: Eikona&apos;s own C++ implementation on libtorch, numerically the same as diffusers for the same seed and parameters.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Eikona %1&lt;/h3&gt;&lt;p&gt;Stable Diffusion 1.5 on your own computer.&lt;/p&gt;&lt;p&gt;Engine: Eikona&apos;s own C++ implementation on libtorch, numerically the same as diffusers for the same seed and parameters.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>eikona::backend::JobQueue</name>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="274"/>
        <source>(no prompt)</source>
        <translation>(no prompt)</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/backend/job_queue.cpp" line="279"/>
        <source>%1 × %n image(s)</source>
        <comment>steps times images</comment>
        <translation>
            <numerusform>%1 × %n image</numerusform>
            <numerusform>%1 × %n images</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="284"/>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="289"/>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="291"/>
        <source>Server unreachable</source>
        <translation>Server unreachable</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="295"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="315"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="317"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="319"/>
        <source>Steps</source>
        <comment>denoising steps</comment>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="321"/>
        <source>Where</source>
        <comment>the computer or server a job runs on</comment>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="323"/>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>eikona::ui::CanvasView</name>
    <message>
        <location filename="../ui/canvas_view.cpp" line="28"/>
        <source>Canvas</source>
        <translation>Canvas</translation>
    </message>
    <message>
        <location filename="../ui/canvas_view.cpp" line="29"/>
        <source>The picture being made, then the result. Wheel or +/- to zoom, double-click to fit. Drop a picture here (or paste one with Ctrl+V) to start from it.</source>
        <translation>The picture being made, then the result. Wheel or +/- to zoom, double-click to fit. Drop a picture here (or paste one with Ctrl+V) to start from it.</translation>
    </message>
    <message>
        <location filename="../ui/canvas_view.cpp" line="108"/>
        <source>Type a prompt and press Generate (Ctrl+Enter).
The picture forms here, step by step.</source>
        <translation>Type a prompt and press Generate (Ctrl+Enter).
The picture forms here, step by step.</translation>
    </message>
</context>
<context>
    <name>eikona::ui::ErrorBar</name>
    <message>
        <location filename="../ui/error_bar.cpp" line="31"/>
        <source>What went wrong</source>
        <translation>What went wrong</translation>
    </message>
    <message>
        <location filename="../ui/error_bar.cpp" line="62"/>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location filename="../ui/error_bar.cpp" line="63"/>
        <source>Details of the error</source>
        <translation>Details of the error</translation>
    </message>
    <message>
        <location filename="../ui/error_bar.cpp" line="64"/>
        <source>What the engine said, in full</source>
        <translation>What the engine said, in full</translation>
    </message>
    <message>
        <location filename="../ui/error_bar.cpp" line="65"/>
        <location filename="../ui/error_bar.cpp" line="66"/>
        <source>Close the message</source>
        <translation>Close the message</translation>
    </message>
</context>
<context>
    <name>eikona::ui::ExportDialog</name>
    <message numerus="yes">
        <location filename="../ui/export_dialog.cpp" line="23"/>
        <source>Export %n picture(s)</source>
        <translation>
            <numerusform>Export %n picture</numerusform>
            <numerusform>Export %n pictures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="25"/>
        <source>A folder</source>
        <translation>A folder</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="26"/>
        <source>A ZIP archive</source>
        <translation>A ZIP archive</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="27"/>
        <source>An HTML contact sheet</source>
        <translation>An HTML contact sheet</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="28"/>
        <location filename="../ui/export_dialog.cpp" line="53"/>
        <source>Export to</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="30"/>
        <source>A folder of pictures, one ZIP file, or one web page with every picture and its prompt</source>
        <translation>A folder of pictures, one ZIP file, or one web page with every picture and its prompt</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="35"/>
        <location filename="../ui/export_dialog.cpp" line="54"/>
        <source>Picture format</source>
        <translation>Picture format</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="37"/>
        <source>PNG keeps the pictures exactly; JPEG and WebP are smaller (the parameters go into their EXIF)</source>
        <translation>PNG keeps the pictures exactly; JPEG and WebP are smaller (the parameters go into their EXIF)</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="39"/>
        <source>Leave the prompts and parameters out</source>
        <translation>Leave the prompts and parameters out</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="40"/>
        <source>Leave the parameters out</source>
        <translation>Leave the parameters out</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="41"/>
        <source>For sharing pictures without how they were made</source>
        <translation>For sharing pictures without how they were made</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="43"/>
        <source>Export to this place</source>
        <translation>Export to this place</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="47"/>
        <location filename="../ui/export_dialog.cpp" line="48"/>
        <source>Choose where</source>
        <translation>Choose where</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="56"/>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="58"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="85"/>
        <source>Export to this folder</source>
        <translation>Export to this folder</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="86"/>
        <source>Export as</source>
        <translation>Export as</translation>
    </message>
</context>
<context>
    <name>eikona::ui::FirstRunDialog</name>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="129"/>
        <source>Welcome to Eikona</source>
        <translation>Welcome to Eikona</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="131"/>
        <source>&lt;p&gt;&lt;b&gt;Eikona needs a Stable Diffusion 1.5 model to make pictures.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Download the standard one from Hugging Face, or use a model you already have: a diffusers folder or a single &lt;tt&gt;.safetensors&lt;/tt&gt; file.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Eikona needs a Stable Diffusion 1.5 model to make pictures.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Download the standard one from Hugging Face, or use a model you already have: a diffusers folder or a single &lt;tt&gt;.safetensors&lt;/tt&gt; file.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="135"/>
        <source>Stable Diffusion 1.5 (%1): %2 to download.</source>
        <translation>Stable Diffusion 1.5 (%1): %2 to download.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="138"/>
        <source>Stable Diffusion 1.5 is already downloaded: it only needs to be checked.</source>
        <translation>Stable Diffusion 1.5 is already downloaded: it only needs to be checked.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="141"/>
        <source>Stable Diffusion 1.5 (%1): asking Hugging Face for its size…</source>
        <translation>Stable Diffusion 1.5 (%1): asking Hugging Face for its size…</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="142"/>
        <source>Also download TAESD for full-size live previews (about 10 MB)</source>
        <translation>Also download TAESD for full-size live previews (about 10 MB)</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="143"/>
        <source>Also download TAESD</source>
        <translation>Also download TAESD</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="144"/>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="145"/>
        <source>Download Stable Diffusion 1.5</source>
        <translation>Download Stable Diffusion 1.5</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="147"/>
        <source>Fetch the model into the model folder; an interrupted download resumes next time</source>
        <translation>Fetch the model into the model folder; an interrupted download resumes next time</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="148"/>
        <location filename="../ui/first_run_dialog.cpp" line="149"/>
        <source>Cancel download</source>
        <translation>Cancel download</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="150"/>
        <source>Stop; what was fetched stays and the download resumes next time</source>
        <translation>Stop; what was fetched stays and the download resumes next time</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="151"/>
        <source>Download progress</source>
        <translation>Download progress</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="152"/>
        <source>Use a model folder…</source>
        <translation>Use a model folder…</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="153"/>
        <source>Use a model folder</source>
        <translation>Use a model folder</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="154"/>
        <source>A diffusers folder (with model_index.json) on this computer</source>
        <translation>A diffusers folder (with model_index.json) on this computer</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="155"/>
        <source>Use a model file…</source>
        <translation>Use a model file…</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="156"/>
        <source>Use a model file</source>
        <translation>Use a model file</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="157"/>
        <source>A single SD 1.x .safetensors checkpoint on this computer</source>
        <translation>A single SD 1.x .safetensors checkpoint on this computer</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="158"/>
        <location filename="../ui/first_run_dialog.cpp" line="159"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="161"/>
        <source>Close; the window stays usable and File ▸ Add a model folder… adds one later</source>
        <translation>Close; the window stays usable and File ▸ Add a model folder… adds one later</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="186"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="202"/>
        <source>%1 of %2 · %3/s · %4 left</source>
        <translation>%1 of %2 · %3/s · %4 left</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="224"/>
        <source>The download was stopped. What was fetched is kept: Download resumes it.</source>
        <translation>The download was stopped. What was fetched is kept: Download resumes it.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="226"/>
        <source>Hugging Face cannot be reached. Check the connection (and the proxy, if you use one), then press Download again: what was fetched is kept.</source>
        <translation>Hugging Face cannot be reached. Check the connection (and the proxy, if you use one), then press Download again: what was fetched is kept.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="230"/>
        <source>Offline mode is on (HF_HUB_OFFLINE) and the model is not downloaded yet. Turn it off to download, or use a model you already have.</source>
        <translation>Offline mode is on (HF_HUB_OFFLINE) and the model is not downloaded yet. Turn it off to download, or use a model you already have.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="234"/>
        <source>The model was not found on Hugging Face. Use a model you already have.</source>
        <translation>The model was not found on Hugging Face. Use a model you already have.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="236"/>
        <source>Hugging Face refuses access to this model: it is private or gated. Accept its licence on the Hugging Face website, then set HF_TOKEN to an access token of that account.</source>
        <translation>Hugging Face refuses access to this model: it is private or gated. Accept its licence on the Hugging Face website, then set HF_TOKEN to an access token of that account.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="240"/>
        <source>The model folder cannot be written to: check its permissions and the free space (Preferences ▸ Model folder). What was fetched is kept.</source>
        <translation>The model folder cannot be written to: check its permissions and the free space (Preferences ▸ Model folder). What was fetched is kept.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="244"/>
        <source>A file arrived damaged and was discarded. Press Download again.</source>
        <translation>A file arrived damaged and was discarded. Press Download again.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="248"/>
        <source>The download did not work. Press Download again, or use a model you already have.</source>
        <translation>The download did not work. Press Download again, or use a model you already have.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="262"/>
        <source>Choose a model file</source>
        <translation>Choose a model file</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="263"/>
        <source>Safetensors checkpoints (*.safetensors)</source>
        <translation>Safetensors checkpoints (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="264"/>
        <source>Choose a diffusers model folder</source>
        <translation>Choose a diffusers model folder</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="276"/>
        <source>This cannot be used as a model: %1</source>
        <translation>This cannot be used as a model: %1</translation>
    </message>
</context>
<context>
    <name>eikona::ui::GalleryView</name>
    <message>
        <location filename="../ui/gallery_view.cpp" line="95"/>
        <location filename="../ui/gallery_view.cpp" line="264"/>
        <source>Add a folder of pictures</source>
        <translation>Add a folder of pictures</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="153"/>
        <location filename="../ui/gallery_view.cpp" line="255"/>
        <source>Every model</source>
        <translation>Every model</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="158"/>
        <location filename="../ui/gallery_view.cpp" line="256"/>
        <source>Every folder</source>
        <translation>Every folder</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="165"/>
        <location filename="../ui/gallery_view.cpp" line="257"/>
        <source>Every size</source>
        <translation>Every size</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="190"/>
        <source>Indexing %1…</source>
        <translation>Indexing %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/gallery_view.cpp" line="197"/>
        <source>%n picture(s) added from %1</source>
        <translation>
            <numerusform>%n picture added from %1</numerusform>
            <numerusform>%n pictures added from %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="235"/>
        <source>Search the prompts (Ctrl+F)</source>
        <translation>Search the prompts (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="236"/>
        <source>Search the gallery</source>
        <translation>Search the gallery</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="238"/>
        <source>Words or word beginnings of the prompt, in any language; accents and capitals do not matter</source>
        <translation>Words or word beginnings of the prompt, in any language; accents and capitals do not matter</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="239"/>
        <source>Favourites</source>
        <translation>Favourites</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="240"/>
        <source>Favourites only</source>
        <translation>Favourites only</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="241"/>
        <source>Show only the pictures marked as favourites (F)</source>
        <translation>Show only the pictures marked as favourites (F)</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="242"/>
        <source>Newest first</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="243"/>
        <source>Oldest first</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="244"/>
        <source>By name</source>
        <translation>By name</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="245"/>
        <source>Sort</source>
        <translation>Sort</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="246"/>
        <source>The order of the pictures</source>
        <translation>The order of the pictures</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="247"/>
        <source>Gallery</source>
        <translation>Gallery</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="249"/>
        <source>Enter opens a picture, Delete moves it to the trash (Ctrl+Z undoes it), F marks a favourite</source>
        <translation>Enter opens a picture, Delete moves it to the trash (Ctrl+Z undoes it), F marks a favourite</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/gallery_view.cpp" line="275"/>
        <source>%n picture(s)</source>
        <translation>
            <numerusform>%n picture</numerusform>
            <numerusform>%n pictures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="251"/>
        <source>Model filter</source>
        <translation>Model filter</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="252"/>
        <source>Only the pictures of one model</source>
        <translation>Only the pictures of one model</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="253"/>
        <source>Folder filter</source>
        <translation>Folder filter</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="254"/>
        <source>Only the pictures of one folder</source>
        <translation>Only the pictures of one folder</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="261"/>
        <source>Size filter</source>
        <translation>Size filter</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="262"/>
        <source>Only the pictures of one size</source>
        <translation>Only the pictures of one size</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="263"/>
        <source>Add folder…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="266"/>
        <source>Index a folder of pictures, an A1111, ComfyUI or InvokeAI output folder included: their parameters are read and their prompts become searchable</source>
        <translation>Index a folder of pictures, an A1111, ComfyUI or InvokeAI output folder included: their parameters are read and their prompts become searchable</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="268"/>
        <location filename="../ui/gallery_view.cpp" line="427"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="269"/>
        <source>Export pictures</source>
        <translation>Export pictures</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="270"/>
        <source>Export the selected pictures, or all the search shows, with their parameters</source>
        <translation>Export the selected pictures, or all the search shows, with their parameters</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="325"/>
        <source>%1 could not be moved to the trash.</source>
        <translation>%1 could not be moved to the trash.</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="334"/>
        <source>%1 is in the trash. Ctrl+Z brings it back.</source>
        <translation>%1 is in the trash. Ctrl+Z brings it back.</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="345"/>
        <source>%1 could not be brought back from the trash.</source>
        <translation>%1 could not be brought back from the trash.</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="354"/>
        <source>%1 is back.</source>
        <translation>%1 is back.</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="414"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="415"/>
        <source>Use these parameters</source>
        <translation>Use these parameters</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="417"/>
        <source>Use as the init image</source>
        <translation>Use as the init image</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="420"/>
        <source>Copy the picture</source>
        <translation>Copy the picture</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="421"/>
        <source>Copy the parameters</source>
        <translation>Copy the parameters</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="422"/>
        <source>Not a favourite</source>
        <translation>Not a favourite</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="422"/>
        <source>Favourite</source>
        <translation>Favourite</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="424"/>
        <source>Show in the file manager</source>
        <translation>Show in the file manager</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="429"/>
        <source>Move to the trash</source>
        <translation>Move to the trash</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="460"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="460"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="504"/>
        <source>The export was cancelled; nothing half-written was left.</source>
        <translation>The export was cancelled; nothing half-written was left.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/gallery_view.cpp" line="505"/>
        <source>%n picture(s) exported to %1</source>
        <translation>
            <numerusform>%n picture exported to %1</numerusform>
            <numerusform>%n pictures exported to %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="507"/>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
</context>
<context>
    <name>eikona::ui::GenerationPanel</name>
    <message>
        <location filename="../ui/generation_panel.cpp" line="112"/>
        <location filename="../ui/generation_panel.cpp" line="291"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="117"/>
        <location filename="../ui/generation_panel.cpp" line="294"/>
        <source>Sampler</source>
        <extracomment>The sampling method (Euler a, DPM++ 2M Karras…); the method names stay as they are</extracomment>
        <translation>Sampler</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="122"/>
        <location filename="../ui/generation_panel.cpp" line="297"/>
        <source>Steps</source>
        <extracomment>The number of denoising steps the sampler takes (not walking steps)</extracomment>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="127"/>
        <location filename="../ui/generation_panel.cpp" line="298"/>
        <source>CFG scale</source>
        <extracomment>Classifier-free guidance scale: how strongly the prompt steers the picture. CFG stays as it is</extracomment>
        <translation>CFG scale</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="131"/>
        <location filename="../ui/generation_panel.cpp" line="299"/>
        <source>Width</source>
        <translation>Width</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="135"/>
        <location filename="../ui/generation_panel.cpp" line="300"/>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="148"/>
        <source>Presets</source>
        <translation>Presets</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="170"/>
        <location filename="../ui/generation_panel.cpp" line="309"/>
        <source>Seed</source>
        <extracomment>The random-number seed a picture starts from (a number), not a plant&apos;s seed</extracomment>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="174"/>
        <location filename="../ui/generation_panel.cpp" line="315"/>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="177"/>
        <location filename="../ui/generation_panel.cpp" line="316"/>
        <source>Batch count</source>
        <translation>Batch count</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="204"/>
        <source>Init image</source>
        <translation>Init image</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="212"/>
        <location filename="../ui/generation_panel.cpp" line="325"/>
        <source>Strength</source>
        <extracomment>img2img denoising strength: how much the init image may change (0 to 1)</extracomment>
        <translation>Strength</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="271"/>
        <source>&amp;Prompt</source>
        <translation>&amp;Prompt</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="272"/>
        <source>&amp;Negative prompt</source>
        <translation>&amp;Negative prompt</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="273"/>
        <source>Describe the picture: a lighthouse at dusk, (oil painting:1.2)</source>
        <translation>Describe the picture: a lighthouse at dusk, (oil painting:1.2)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="274"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="276"/>
        <source>What to draw. (word:1.3) gives a word more weight, [word] less; Ctrl+Up and Ctrl+Down change the weight of the selected words; BREAK starts a new 75-token chunk.</source>
        <translation>What to draw. (word:1.3) gives a word more weight, [word] less; Ctrl+Up and Ctrl+Down change the weight of the selected words; BREAK starts a new 75-token chunk.</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="278"/>
        <source>What the picture should not contain</source>
        <translation>What the picture should not contain</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="279"/>
        <source>Negative prompt</source>
        <translation>Negative prompt</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="280"/>
        <source>What to steer away from, with the same syntax as the prompt.</source>
        <translation>What to steer away from, with the same syntax as the prompt.</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="281"/>
        <source>&amp;Render on</source>
        <translation>&amp;Render on</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="282"/>
        <location filename="../ui/generation_panel.cpp" line="284"/>
        <source>Generate</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="283"/>
        <source>Make the picture now, before the waiting jobs (Ctrl+Enter)</source>
        <translation>Make the picture now, before the waiting jobs (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="285"/>
        <location filename="../ui/generation_panel.cpp" line="287"/>
        <source>Queue</source>
        <comment>verb: add to the queue</comment>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="286"/>
        <source>Add these settings to the end of the queue (Ctrl+Shift+Enter)</source>
        <translation>Add these settings to the end of the queue (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="288"/>
        <location filename="../ui/generation_panel.cpp" line="290"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="289"/>
        <source>Stop the picture being made; the queue goes on (Esc)</source>
        <translation>Stop the picture being made; the queue goes on (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="293"/>
        <source>The Stable Diffusion 1.5 model to use: downloaded, or a folder or file on this computer</source>
        <translation>The Stable Diffusion 1.5 model to use: downloaded, or a folder or file on this computer</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="296"/>
        <source>The sampling method; Euler a and DPM++ 2M Karras give good pictures in 20–30 steps</source>
        <translation>The sampling method; Euler a and DPM++ 2M Karras give good pictures in 20–30 steps</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="297"/>
        <source>Denoising steps: more take longer and add detail, up to a point</source>
        <translation>Denoising steps: more take longer and add detail, up to a point</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="298"/>
        <source>How closely the picture follows the prompt (7 is a good start)</source>
        <translation>How closely the picture follows the prompt (7 is a good start)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="299"/>
        <source>Width in pixels, a multiple of 8; SD 1.5 knows 512 best</source>
        <translation>Width in pixels, a multiple of 8; SD 1.5 knows 512 best</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="300"/>
        <source>Height in pixels, a multiple of 8; SD 1.5 knows 512 best</source>
        <translation>Height in pixels, a multiple of 8; SD 1.5 knows 512 best</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="302"/>
        <source>Choose a size…</source>
        <translation>Choose a size…</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="305"/>
        <source>Size presets</source>
        <translation>Size presets</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="306"/>
        <source>Common sizes</source>
        <translation>Common sizes</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="307"/>
        <location filename="../ui/generation_panel.cpp" line="308"/>
        <source>Swap width and height</source>
        <translation>Swap width and height</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="310"/>
        <source>The same seed and settings make the same picture; -1 draws a new one each time</source>
        <translation>The same seed and settings make the same picture; -1 draws a new one each time</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="311"/>
        <source>Random seed</source>
        <translation>Random seed</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="312"/>
        <source>A new random seed for every picture (-1)</source>
        <translation>A new random seed for every picture (-1)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="313"/>
        <source>Reuse the last seed</source>
        <translation>Reuse the last seed</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="314"/>
        <source>Use the seed of the last picture made</source>
        <translation>Use the seed of the last picture made</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="315"/>
        <source>Pictures made together in one run (uses more memory)</source>
        <translation>Pictures made together in one run (uses more memory)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="316"/>
        <source>Runs one after another; each picture gets the next seed</source>
        <translation>Runs one after another; each picture gets the next seed</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="317"/>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="318"/>
        <source>Open init image</source>
        <translation>Open init image</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="319"/>
        <source>Start from a picture (img2img)</source>
        <translation>Start from a picture (img2img)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="320"/>
        <source>Clear init image</source>
        <translation>Clear init image</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="321"/>
        <source>Make pictures from the prompt alone again</source>
        <translation>Make pictures from the prompt alone again</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="322"/>
        <source>Init image preview</source>
        <translation>Init image preview</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="324"/>
        <location filename="../ui/generation_panel.cpp" line="467"/>
        <source>None: the picture starts from noise</source>
        <translation>None: the picture starts from noise</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="325"/>
        <source>How much the init image may change: 0 keeps it, 1 replaces it</source>
        <translation>How much the init image may change: 0 keeps it, 1 replaces it</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="326"/>
        <source>Draft (quick decode)</source>
        <translation>Draft (quick decode)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="327"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="329"/>
        <source>The finished picture is decoded by TAESD: seconds faster, a little rougher</source>
        <translation>The finished picture is decoded by TAESD: seconds faster, a little rougher</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="332"/>
        <source>A server decodes with its own VAE; drafts are made on this computer only</source>
        <translation>A server decodes with its own VAE; drafts are made on this computer only</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="333"/>
        <source>Needs TAESD: Preferences ▸ Full-size previews ▸ Download</source>
        <translation>Needs TAESD: Preferences ▸ Full-size previews ▸ Download</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="334"/>
        <location filename="../ui/generation_panel.cpp" line="335"/>
        <source>Use the init image&apos;s size</source>
        <translation>Use the init image&apos;s size</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="336"/>
        <source>On: a new init image sets the width and height. Off: it is resized to them.</source>
        <translation>On: a new init image sets the width and height. Off: it is resized to them.</translation>
    </message>
</context>
<context>
    <name>eikona::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="227"/>
        <source>Eikona</source>
        <translation>Eikona</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="91"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="92"/>
        <source>&amp;Open image…</source>
        <translation>&amp;Open image…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="93"/>
        <source>Start from a picture (img2img)</source>
        <translation>Start from a picture (img2img)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="98"/>
        <source>Open the &amp;pictures folder</source>
        <translation>Open the &amp;pictures folder</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="99"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="100"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="101"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="102"/>
        <source>&amp;Generate</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="103"/>
        <source>&amp;Generate now</source>
        <translation>&amp;Generate now</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="104"/>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="105"/>
        <source>&amp;Cancel the running job</source>
        <translation>&amp;Cancel the running job</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="106"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="107"/>
        <source>&amp;Reset the layout</source>
        <translation>&amp;Reset the layout</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="110"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="111"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="112"/>
        <source>&amp;About Eikona</source>
        <translation>&amp;About Eikona</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="231"/>
        <source>Generation</source>
        <translation>Generation</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="232"/>
        <location filename="../ui/main_window_runner.cpp" line="97"/>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="229"/>
        <location filename="../ui/main_window.cpp" line="233"/>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="123"/>
        <source>%1 is not available here</source>
        <comment>a device</comment>
        <translation>%1 is not available here</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="126"/>
        <source>Where and how pictures are computed (change it in Preferences)</source>
        <translation>Where and how pictures are computed (change it in Preferences)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="94"/>
        <source>&amp;Paste a picture</source>
        <translation>&amp;Paste a picture</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="95"/>
        <source>Start from the picture on the clipboard</source>
        <translation>Start from the picture on the clipboard</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="96"/>
        <source>&amp;Add a model folder…</source>
        <translation>&amp;Add a model folder…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="97"/>
        <source>Add a model &amp;file…</source>
        <translation>Add a model &amp;file…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="108"/>
        <source>The &amp;picture</source>
        <translation>The &amp;picture</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="109"/>
        <source>The &amp;gallery</source>
        <translation>The &amp;gallery</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="230"/>
        <source>Gallery</source>
        <translation>Gallery</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="49"/>
        <source>Full-size previews are off: TAESD could not be loaded (%1)</source>
        <translation>Full-size previews are off: TAESD could not be loaded (%1)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="79"/>
        <source>Step %1 / %2</source>
        <translation>Step %1 / %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window_runner.cpp" line="97"/>
        <source>Queue (%n waiting)</source>
        <translation>
            <numerusform>Queue (%n waiting)</numerusform>
            <numerusform>Queue (%n waiting)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="106"/>
        <source>On %1: no connection</source>
        <comment>a render server</comment>
        <translation>On %1: no connection</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="108"/>
        <source>On %1</source>
        <comment>a render server</comment>
        <translation>On %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="111"/>
        <source>On %1: %2</source>
        <comment>a render server, what it runs on</comment>
        <translation>On %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="114"/>
        <source>Jobs run on the server %1; pictures are saved on this computer</source>
        <translation>Jobs run on the server %1; pictures are saved on this computer</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window_runner.cpp" line="124"/>
        <source>%1, %n thread(s)</source>
        <translation>
            <numerusform>%1, %n thread</numerusform>
            <numerusform>%1, %n threads</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="330"/>
        <source>Start from a picture</source>
        <translation>Start from a picture</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="331"/>
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</source>
        <translation>Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="360"/>
        <source>Restore its parameters?</source>
        <translation>Restore its parameters?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="361"/>
        <source>This picture carries the parameters it was made with. Put them into the controls too?</source>
        <translation>This picture carries the parameters it was made with. Put them into the controls too?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="364"/>
        <source>Restore the parameters</source>
        <translation>Restore the parameters</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="365"/>
        <source>Only the picture</source>
        <translation>Only the picture</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="389"/>
        <source>Choose a model file</source>
        <translation>Choose a model file</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="390"/>
        <source>Safetensors checkpoints (*.safetensors)</source>
        <translation>Safetensors checkpoints (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="391"/>
        <source>Choose a diffusers model folder</source>
        <translation>Choose a diffusers model folder</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="498"/>
        <source>Quit Eikona?</source>
        <translation>Quit Eikona?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="499"/>
        <source>A picture is being made. Stop it and quit? The waiting jobs stay in the queue for the next start.</source>
        <translation>A picture is being made. Stop it and quit? The waiting jobs stay in the queue for the next start.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="502"/>
        <source>Stop and quit</source>
        <translation>Stop and quit</translation>
    </message>
</context>
<context>
    <name>eikona::ui::PictureDetails</name>
    <message>
        <location filename="../ui/picture_details.cpp" line="54"/>
        <source>Parameters of the picture</source>
        <translation>Parameters of the picture</translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="55"/>
        <source>The parameters stored in the picture&apos;s PNG; select text to copy it</source>
        <translation>The parameters stored in the picture&apos;s PNG; select text to copy it</translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="56"/>
        <source>Click a picture to see its parameters here.</source>
        <translation>Click a picture to see its parameters here.</translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="57"/>
        <location filename="../ui/picture_details.cpp" line="58"/>
        <source>Use these parameters</source>
        <translation>Use these parameters</translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="59"/>
        <source>Fill the controls with this picture&apos;s prompt and settings</source>
        <translation>Fill the controls with this picture&apos;s prompt and settings</translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="60"/>
        <location filename="../ui/picture_details.cpp" line="61"/>
        <source>Use this seed</source>
        <translation>Use this seed</translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="62"/>
        <source>Put this picture&apos;s seed into the seed field</source>
        <translation>Put this picture&apos;s seed into the seed field</translation>
    </message>
</context>
<context>
    <name>eikona::ui::PreviewDecoderField</name>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="87"/>
        <source>With TAESD</source>
        <translation>With TAESD</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="88"/>
        <source>Full-size previews</source>
        <translation>Full-size previews</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="90"/>
        <source>The forming picture at full size, drawn by TAESD (a tiny decoder), instead of a blurred sketch; it costs about 3% of the time</source>
        <translation>The forming picture at full size, drawn by TAESD (a tiny decoder), instead of a blurred sketch; it costs about 3% of the time</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="93"/>
        <source>Downloading… %1</source>
        <translation>Downloading… %1</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="95"/>
        <source>Downloaded</source>
        <translation>Downloaded</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="99"/>
        <source>Not downloaded (about 10 MB)</source>
        <translation>Not downloaded (about 10 MB)</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="101"/>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="102"/>
        <source>Download TAESD</source>
        <translation>Download TAESD</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="103"/>
        <source>Fetch madebyollin/taesd from Hugging Face into the model folder</source>
        <translation>Fetch madebyollin/taesd from Hugging Face into the model folder</translation>
    </message>
</context>
<context>
    <name>eikona::ui::ProgressStatus</name>
    <message>
        <location filename="../ui/progress_status.cpp" line="27"/>
        <location filename="../ui/progress_status.cpp" line="33"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="41"/>
        <source>Preparing…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="46"/>
        <source>Loading the model %1…</source>
        <translation>Loading the model %1…</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="51"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="56"/>
        <source>Getting the model ready for %1×%2…</source>
        <translation>Getting the model ready for %1×%2…</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="61"/>
        <source>Ready.</source>
        <translation>Ready.</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="72"/>
        <source>%1 s/it</source>
        <translation>%1 s/it</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="73"/>
        <source>%1 it/s</source>
        <translation>%1 it/s</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="77"/>
        <source>Run %1/%2 · step %3/%4 · %5 · %6 left</source>
        <translation>Run %1/%2 · step %3/%4 · %5 · %6 left</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="83"/>
        <source>Step %1/%2 · %3 · %4 left</source>
        <translation>Step %1/%2 · %3 · %4 left</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="88"/>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="89"/>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="90"/>
        <source>Stopped by an error.</source>
        <translation>Stopped by an error.</translation>
    </message>
</context>
<context>
    <name>eikona::ui::PromptEdit</name>
    <message>
        <location filename="../ui/prompt_edit.cpp" line="159"/>
        <source>%1 / %2</source>
        <comment>prompt tokens used / tokens available</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/prompt_edit.cpp" line="161"/>
        <source>CLIP tokens: the model reads prompts in chunks of 75; BREAK starts a new chunk</source>
        <translation>CLIP tokens: the model reads prompts in chunks of 75; BREAK starts a new chunk</translation>
    </message>
    <message>
        <location filename="../ui/prompt_edit.cpp" line="162"/>
        <source>Token count</source>
        <translation>Token count</translation>
    </message>
</context>
<context>
    <name>eikona::ui::QueuePanel</name>
    <message>
        <location filename="../ui/queue_panel.cpp" line="99"/>
        <source>Job queue</source>
        <translation>Job queue</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="100"/>
        <source>Jobs run from the top; drag a row to change the order</source>
        <translation>Jobs run from the top; drag a row to change the order</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="101"/>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="102"/>
        <source>Run this job earlier</source>
        <translation>Run this job earlier</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="103"/>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="104"/>
        <source>Run this job later</source>
        <translation>Run this job later</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="105"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="106"/>
        <source>Edit job</source>
        <translation>Edit job</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="107"/>
        <source>Take this waiting job out of the queue and back into the controls</source>
        <translation>Take this waiting job out of the queue and back into the controls</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="108"/>
        <location filename="../ui/queue_panel.cpp" line="152"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="109"/>
        <source>Remove job</source>
        <translation>Remove job</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="110"/>
        <source>Remove the waiting job, or stop the running one</source>
        <translation>Remove the waiting job, or stop the running one</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="111"/>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="112"/>
        <source>Try the servers again</source>
        <translation>Try the servers again</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="113"/>
        <source>Jobs whose server did not answer are tried again every minute; now</source>
        <translation>Jobs whose server did not answer are tried again every minute; now</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="152"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
</context>
<context>
    <name>eikona::ui::RenderTargetField</name>
    <message>
        <location filename="../ui/render_target_field.cpp" line="88"/>
        <source>PNDM cannot run on a ComfyUI server: choose another sampler.</source>
        <translation>PNDM cannot run on a ComfyUI server: choose another sampler.</translation>
    </message>
    <message>
        <location filename="../ui/render_target_field.cpp" line="90"/>
        <source>%1 draws fresh noise at every step, which the server seeds its own way: the same seed gives a different picture there than on this computer.</source>
        <translation>%1 draws fresh noise at every step, which the server seeds its own way: the same seed gives a different picture there than on this computer.</translation>
    </message>
    <message>
        <location filename="../ui/render_target_field.cpp" line="100"/>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../ui/render_target_field.cpp" line="101"/>
        <source>Render on</source>
        <translation>Render on</translation>
    </message>
    <message>
        <location filename="../ui/render_target_field.cpp" line="102"/>
        <source>Where the job runs: here, or on a ComfyUI server (Preferences ▸ Servers)</source>
        <translation>Where the job runs: here, or on a ComfyUI server (Preferences ▸ Servers)</translation>
    </message>
    <message>
        <location filename="../ui/render_target_field.cpp" line="103"/>
        <source>About seeds on a server</source>
        <translation>About seeds on a server</translation>
    </message>
</context>
<context>
    <name>eikona::ui::ResultsStrip</name>
    <message>
        <location filename="../ui/results_strip.cpp" line="35"/>
        <source>Pictures made in this session</source>
        <translation>Pictures made in this session</translation>
    </message>
    <message>
        <location filename="../ui/results_strip.cpp" line="36"/>
        <source>The pictures made since Eikona started; click one to see it and its parameters</source>
        <translation>The pictures made since Eikona started; click one to see it and its parameters</translation>
    </message>
</context>
<context>
    <name>eikona::ui::ServersPage</name>
    <message>
        <location filename="../ui/servers_page.cpp" line="40"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="44"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="48"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="135"/>
        <location filename="../ui/servers_page.cpp" line="176"/>
        <source>“%1” is not a server address: write it as http://HOST:PORT or https://HOST.</source>
        <translation>“%1” is not a server address: write it as http://HOST:PORT or https://HOST.</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="169"/>
        <source>Removed. Cancel keeps it.</source>
        <translation>Removed. Cancel keeps it.</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="180"/>
        <source>Asking %1…</source>
        <translation>Asking %1…</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="189"/>
        <source>No connection: %1</source>
        <translation>No connection: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/servers_page.cpp" line="193"/>
        <source>Connected: %1. %n checkpoint(s).</source>
        <translation>
            <numerusform>Connected: %1. %n checkpoint.</numerusform>
            <numerusform>Connected: %1. %n checkpoints.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="206"/>
        <source>%1, %2 of %3 GB free</source>
        <comment>a GPU&apos;s name, its free and total memory</comment>
        <translation>%1, %2 of %3 GB free</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="216"/>
        <source>Render servers</source>
        <translation>Render servers</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="217"/>
        <source>ComfyUI servers jobs can run on; choose one beside the Generate button</source>
        <translation>ComfyUI servers jobs can run on; choose one beside the Generate button</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="218"/>
        <source>Server name</source>
        <translation>Server name</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="219"/>
        <source>Studio GPU</source>
        <translation>Studio GPU</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="220"/>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="221"/>
        <source>The address ComfyUI listens on, e.g. http://gpu-box:8188</source>
        <translation>The address ComfyUI listens on, e.g. http://gpu-box:8188</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="222"/>
        <source>Server token</source>
        <translation>Server token</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="223"/>
        <source>Only for a proxy that asks for one</source>
        <translation>Only for a proxy that asks for one</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="224"/>
        <source>Sent as a bearer token; kept in a file only you can read</source>
        <translation>Sent as a bearer token; kept in a file only you can read</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="225"/>
        <source>Add or update</source>
        <translation>Add or update</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="226"/>
        <source>Add or update server</source>
        <translation>Add or update server</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="227"/>
        <location filename="../ui/servers_page.cpp" line="228"/>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="229"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="230"/>
        <source>Remove server</source>
        <translation>Remove server</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="231"/>
        <source>ComfyUI has no login of its own: anyone who reaches its port can use it. Reach it through an SSH tunnel, or a proxy that asks for a token.</source>
        <translation>ComfyUI has no login of its own: anyone who reaches its port can use it. Reach it through an SSH tunnel, or a proxy that asks for a token.</translation>
    </message>
</context>
<context>
    <name>eikona::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="66"/>
        <location filename="../ui/settings_dialog.cpp" line="171"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="71"/>
        <location filename="../ui/settings_dialog.cpp" line="177"/>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="79"/>
        <location filename="../ui/settings_dialog.cpp" line="181"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="82"/>
        <location filename="../ui/settings_dialog.cpp" line="183"/>
        <source>Pictures folder</source>
        <translation>Pictures folder</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="85"/>
        <location filename="../ui/settings_dialog.cpp" line="185"/>
        <source>Model folder</source>
        <translation>Model folder</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="90"/>
        <location filename="../ui/settings_dialog.cpp" line="192"/>
        <source>Live preview</source>
        <translation>Live preview</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="92"/>
        <source>Full-size previews</source>
        <translation>Full-size previews</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="98"/>
        <location filename="../ui/settings_dialog.cpp" line="195"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="136"/>
        <location filename="../ui/settings_dialog.cpp" line="198"/>
        <location filename="../ui/settings_dialog.cpp" line="199"/>
        <source>Choose a folder</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="149"/>
        <source>Servers</source>
        <translation>Servers</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="149"/>
        <source>The servers could not be saved: %1</source>
        <translation>The servers could not be saved: %1</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="162"/>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="163"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="164"/>
        <source>Servers</source>
        <comment>render servers</comment>
        <translation>Servers</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="167"/>
        <location filename="../ui/settings_dialog.cpp" line="173"/>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="168"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="169"/>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA GPU (CUDA)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="170"/>
        <source>Apple GPU (MPS)</source>
        <translation>Apple GPU (MPS)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="172"/>
        <source>Where pictures are computed</source>
        <translation>Where pictures are computed</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="174"/>
        <source>Full (fp32)</source>
        <translation>Full (fp32)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="175"/>
        <source>Half (fp16, GPU only)</source>
        <translation>Half (fp16, GPU only)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="176"/>
        <source>Faster (bf16)</source>
        <translation>Faster (bf16)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="179"/>
        <source>Number precision: fp32 matches the reference exactly; bf16 is faster on recent CPUs</source>
        <translation>Number precision: fp32 matches the reference exactly; bf16 is faster on recent CPUs</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/settings_dialog.cpp" line="180"/>
        <source>Automatic (%n)</source>
        <translation>
            <numerusform>Automatic (%n)</numerusform>
            <numerusform>Automatic (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="182"/>
        <source>CPU threads the engine uses</source>
        <translation>CPU threads the engine uses</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="184"/>
        <source>Every picture is saved here as a PNG with its parameters</source>
        <translation>Every picture is saved here as a PNG with its parameters</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="186"/>
        <source>Downloaded models (several GB each) are kept here, shared with diffusers; applies from the next start</source>
        <translation>Downloaded models (several GB each) are kept here, shared with diffusers; applies from the next start</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="188"/>
        <source>Every step</source>
        <translation>Every step</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="189"/>
        <source>Every 2nd step</source>
        <translation>Every 2nd step</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="190"/>
        <source>Every 5th step</source>
        <translation>Every 5th step</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="191"/>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="193"/>
        <source>How often the forming picture is drawn</source>
        <translation>How often the forming picture is drawn</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="194"/>
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="196"/>
        <source>The language of Eikona&apos;s window</source>
        <translation>The language of Eikona&apos;s window</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="209"/>
        <source>Not available here: %1</source>
        <translation>Not available here: %1</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="210"/>
        <source>Will run on: %1</source>
        <translation>Will run on: %1</translation>
    </message>
</context>
</TS>
