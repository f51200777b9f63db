<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/error_text.cpp" line="9"/>
        <source>These settings cannot be used: check the size, the steps and the strength.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="11"/>
        <source>The device or precision chosen in Preferences is not available on this computer: choose Automatic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="13"/>
        <source>The model was not found. Choose another one, or add it with File ▸ Add a model folder….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="15"/>
        <source>The model could not be opened: its files are damaged, or it is not a Stable Diffusion 1.5 model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="17"/>
        <source>Not enough memory for this picture: try a smaller size or batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="19"/>
        <source>The init image cannot be read: choose another picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="21"/>
        <source>The picture could not be saved: check that the pictures folder (Preferences) exists and can be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="23"/>
        <location filename="../ui/error_text.cpp" line="25"/>
        <source>Something went wrong; the window is still usable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../ui/help_dialogs.cpp" line="10"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/help_dialogs.cpp" line="11"/>
        <source>&lt;table cellspacing=&apos;6&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Generate now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Add to the queue&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Cancel the running job&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Up / Ctrl+Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;More or less weight for the selected words&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Start from a picture&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Start from the picture on the clipboard (or drop one on the canvas)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1 / Ctrl+2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;The picture / the gallery&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Search the gallery&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter, Space / Delete / F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;In the gallery: open / move to the trash (Ctrl+Z undoes) / favourite&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Preferences&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel, + / −, double-click&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoom the canvas, fit it&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/help_dialogs.cpp" line="29"/>
        <source>About Eikona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/help_dialogs.cpp" line="30"/>
        <source>&lt;h3&gt;Eikona %1&lt;/h3&gt;&lt;p&gt;Stable Diffusion 1.5 on your own computer.&lt;/p&gt;&lt;p&gt;Engine: Eikona&apos;s own C++ implementation on libtorch, numerically the same as diffusers for the same seed and parameters.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::backend::JobQueue</name>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="196"/>
        <source>(no prompt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../core/backend/job_queue.cpp" line="201"/>
        <source>%1 × %n image(s)</source>
        <comment>steps times images</comment>
        <translation>
            <numerusform>%1 × %n image</numerusform>
            <numerusform>%1 × %n images</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="205"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="205"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="217"/>
        <source>Prompt</source>
        <translation type="unfinished">Prompt</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="219"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="221"/>
        <source>Steps</source>
        <comment>denoising steps</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="223"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::ui::CanvasView</name>
    <message>
        <location filename="../ui/canvas_view.cpp" line="29"/>
        <source>Canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas_view.cpp" line="30"/>
        <source>The picture being made, then the result. Wheel or +/- to zoom, double-click to fit. Drop a picture here (or paste one with Ctrl+V) to start from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas_view.cpp" line="93"/>
        <source>Type a prompt and press Generate (Ctrl+Enter).
The picture forms here, step by step.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::ui::ErrorBar</name>
    <message>
        <location filename="../ui/error_bar.cpp" line="31"/>
        <source>What went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/error_bar.cpp" line="61"/>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/error_bar.cpp" line="62"/>
        <source>Details of the error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/error_bar.cpp" line="63"/>
        <source>What the engine said, in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/error_bar.cpp" line="64"/>
        <location filename="../ui/error_bar.cpp" line="65"/>
        <source>Close the message</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="26"/>
        <source>A ZIP archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="27"/>
        <source>An HTML contact sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="28"/>
        <location filename="../ui/export_dialog.cpp" line="51"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="29"/>
        <source>A folder of pictures, one ZIP file, or one web page with every picture and its prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="34"/>
        <location filename="../ui/export_dialog.cpp" line="52"/>
        <source>Picture format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="35"/>
        <source>PNG keeps the pictures exactly; JPEG and WebP are smaller (the parameters go into their EXIF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="37"/>
        <source>Leave the prompts and parameters out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="38"/>
        <source>Leave the parameters out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="39"/>
        <source>For sharing pictures without how they were made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="41"/>
        <source>Export to this place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="45"/>
        <location filename="../ui/export_dialog.cpp" line="46"/>
        <source>Choose where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="54"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="56"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="82"/>
        <source>Export to this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="83"/>
        <source>Export as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::ui::FirstRunDialog</name>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="104"/>
        <source>Welcome to Eikona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="105"/>
        <source>&lt;p&gt;&lt;b&gt;Eikona needs a Stable Diffusion 1.5 model to make pictures.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Download the standard one from Hugging Face, or use a model you already have: a diffusers folder or a single &lt;tt&gt;.safetensors&lt;/tt&gt; file.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="109"/>
        <source>Stable Diffusion 1.5 (%1): %2 to download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="111"/>
        <source>Stable Diffusion 1.5 is already downloaded: it only needs to be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="113"/>
        <source>Stable Diffusion 1.5 (%1): asking Hugging Face for its size…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="114"/>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="115"/>
        <source>Download Stable Diffusion 1.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="116"/>
        <source>Fetch the model into the model folder; an interrupted download resumes next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="117"/>
        <location filename="../ui/first_run_dialog.cpp" line="118"/>
        <source>Cancel download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="119"/>
        <source>Stop; what was fetched stays and the download resumes next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="120"/>
        <source>Download progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="121"/>
        <source>Use a model folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="122"/>
        <source>Use a model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="123"/>
        <source>A diffusers folder (with model_index.json) on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="124"/>
        <source>Use a model file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="125"/>
        <source>Use a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="126"/>
        <source>A single SD 1.x .safetensors checkpoint on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="127"/>
        <location filename="../ui/first_run_dialog.cpp" line="128"/>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="129"/>
        <source>Close; the window stays usable and File ▸ Add a model folder… adds one later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="151"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="162"/>
        <source>%1 of %2 · %3/s · %4 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="173"/>
        <source>The download was stopped. What was fetched is kept: Download resumes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="174"/>
        <source>The download did not work: %1
Check the connection (and a proxy, if you use one), then press Download again, or use a model you already have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="182"/>
        <source>Choose a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="183"/>
        <source>Safetensors checkpoints (*.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="184"/>
        <source>Choose a diffusers model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="196"/>
        <source>This cannot be used as a model: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::ui::GalleryView</name>
    <message>
        <location filename="../ui/gallery_view.cpp" line="96"/>
        <location filename="../ui/gallery_view.cpp" line="258"/>
        <source>Add a folder of pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="154"/>
        <location filename="../ui/gallery_view.cpp" line="252"/>
        <source>Every model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="159"/>
        <location filename="../ui/gallery_view.cpp" line="253"/>
        <source>Every folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="166"/>
        <location filename="../ui/gallery_view.cpp" line="254"/>
        <source>Every size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="191"/>
        <source>Indexing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/gallery_view.cpp" line="198"/>
        <source>%n picture(s) added from %1</source>
        <translation>
            <numerusform>%n picture added from %1</numerusform>
            <numerusform>%n pictures added from %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="234"/>
        <source>Search the prompts (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="235"/>
        <source>Search the gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="236"/>
        <source>Words or word beginnings of the prompt, in any language; accents and capitals do not matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="237"/>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="238"/>
        <source>Favourites only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="239"/>
        <source>Show only the pictures marked as favourites (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="240"/>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="241"/>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="242"/>
        <source>By name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="243"/>
        <source>Sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="244"/>
        <source>The order of the pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="245"/>
        <source>Gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="246"/>
        <source>Enter opens a picture, Delete moves it to the trash (Ctrl+Z undoes it), F marks a favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/gallery_view.cpp" line="268"/>
        <source>%n picture(s)</source>
        <translation>
            <numerusform>%n picture</numerusform>
            <numerusform>%n pictures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="248"/>
        <source>Model filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="249"/>
        <source>Only the pictures of one model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="250"/>
        <source>Folder filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="251"/>
        <source>Only the pictures of one folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="255"/>
        <source>Size filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="256"/>
        <source>Only the pictures of one size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="257"/>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="259"/>
        <source>Index a folder of pictures, an A1111, ComfyUI or InvokeAI output folder included: their parameters are read and their prompts become searchable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="261"/>
        <location filename="../ui/gallery_view.cpp" line="415"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="262"/>
        <source>Export pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="263"/>
        <source>Export the selected pictures, or all the search shows, with their parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="318"/>
        <source>%1 could not be moved to the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="327"/>
        <source>%1 is in the trash. Ctrl+Z brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="337"/>
        <source>%1 could not be brought back from the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="346"/>
        <source>%1 is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="406"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="407"/>
        <source>Use these parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="408"/>
        <source>Use as the init image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="410"/>
        <source>Copy the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="411"/>
        <source>Copy the parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="412"/>
        <source>Not a favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="412"/>
        <source>Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="413"/>
        <source>Show in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="417"/>
        <source>Move to the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="447"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="447"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="487"/>
        <source>The export was cancelled; nothing half-written was left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/gallery_view.cpp" line="488"/>
        <source>%n picture(s) exported to %1</source>
        <translation>
            <numerusform>%n picture exported to %1</numerusform>
            <numerusform>%n pictures exported to %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="490"/>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::ui::GenerationPanel</name>
    <message>
        <location filename="../ui/generation_panel.cpp" line="100"/>
        <location filename="../ui/generation_panel.cpp" line="257"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="104"/>
        <location filename="../ui/generation_panel.cpp" line="259"/>
        <source>Sampler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="108"/>
        <location filename="../ui/generation_panel.cpp" line="261"/>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="112"/>
        <location filename="../ui/generation_panel.cpp" line="262"/>
        <source>CFG scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="116"/>
        <location filename="../ui/generation_panel.cpp" line="263"/>
        <source>Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="120"/>
        <location filename="../ui/generation_panel.cpp" line="264"/>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="133"/>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="153"/>
        <location filename="../ui/generation_panel.cpp" line="273"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="157"/>
        <location filename="../ui/generation_panel.cpp" line="279"/>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="160"/>
        <location filename="../ui/generation_panel.cpp" line="280"/>
        <source>Batch count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="182"/>
        <source>Init image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="189"/>
        <location filename="../ui/generation_panel.cpp" line="289"/>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="239"/>
        <source>&amp;Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="240"/>
        <source>&amp;Negative prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="241"/>
        <source>Describe the picture: a lighthouse at dusk, (oil painting:1.2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="242"/>
        <source>Prompt</source>
        <translation type="unfinished">Prompt</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="243"/>
        <source>What to draw. (word:1.3) gives a word more weight, [word] less; Ctrl+Up and Ctrl+Down change the weight of the selected words; BREAK starts a new 75-token chunk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="245"/>
        <source>What the picture should not contain</source>
        <translation type="unfinished">What the picture should not contain</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="246"/>
        <source>Negative prompt</source>
        <translation type="unfinished">Negative prompt</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="247"/>
        <source>What to steer away from, with the same syntax as the prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="248"/>
        <location filename="../ui/generation_panel.cpp" line="250"/>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="249"/>
        <source>Make the picture now, before the waiting jobs (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="251"/>
        <location filename="../ui/generation_panel.cpp" line="253"/>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="252"/>
        <source>Add these settings to the end of the queue (Ctrl+Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="254"/>
        <location filename="../ui/generation_panel.cpp" line="256"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="255"/>
        <source>Stop the picture being made; the queue goes on (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="258"/>
        <source>The Stable Diffusion 1.5 model to use: downloaded, or a folder or file on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="260"/>
        <source>The sampling method; Euler a and DPM++ 2M Karras give good pictures in 20–30 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="261"/>
        <source>Denoising steps: more take longer and add detail, up to a point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="262"/>
        <source>How closely the picture follows the prompt (7 is a good start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="263"/>
        <source>Width in pixels, a multiple of 8; SD 1.5 knows 512 best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="264"/>
        <source>Height in pixels, a multiple of 8; SD 1.5 knows 512 best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="266"/>
        <source>Choose a size…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="269"/>
        <source>Size presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="270"/>
        <source>Common sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="271"/>
        <location filename="../ui/generation_panel.cpp" line="272"/>
        <source>Swap width and height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="274"/>
        <source>The same seed and settings make the same picture; -1 draws a new one each time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="275"/>
        <source>Random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="276"/>
        <source>A new random seed for every picture (-1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="277"/>
        <source>Reuse the last seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="278"/>
        <source>Use the seed of the last picture made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="279"/>
        <source>Pictures made together in one run (uses more memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="280"/>
        <source>Runs one after another; each picture gets the next seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="281"/>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="282"/>
        <source>Open init image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="283"/>
        <source>Start from a picture (img2img)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="284"/>
        <source>Clear init image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="285"/>
        <source>Make pictures from the prompt alone again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="286"/>
        <source>Init image preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="288"/>
        <location filename="../ui/generation_panel.cpp" line="413"/>
        <source>None: the picture starts from noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="289"/>
        <source>How much the init image may change: 0 keeps it, 1 replaces it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="290"/>
        <location filename="../ui/generation_panel.cpp" line="291"/>
        <source>Use the init image&apos;s size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="292"/>
        <source>On: a new init image sets the width and height. Off: it is resized to them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="212"/>
        <source>Eikona</source>
        <translation>Eikona</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="89"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="90"/>
        <source>&amp;Open image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="91"/>
        <source>Start from a picture (img2img)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="96"/>
        <source>Open the &amp;pictures folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="97"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="98"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="99"/>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="100"/>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="101"/>
        <source>&amp;Generate now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="102"/>
        <source>&amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="103"/>
        <source>&amp;Cancel the running job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="104"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="105"/>
        <source>&amp;Reset the layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="108"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="109"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="110"/>
        <source>&amp;About Eikona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="216"/>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="217"/>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="214"/>
        <location filename="../ui/main_window.cpp" line="218"/>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="290"/>
        <source>%1 is not available here</source>
        <comment>a device</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="292"/>
        <source>Where and how pictures are computed (change it in Preferences)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="92"/>
        <source>&amp;Paste a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="93"/>
        <source>Start from the picture on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="94"/>
        <source>&amp;Add a model folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="95"/>
        <source>Add a model &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="106"/>
        <source>The &amp;picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="107"/>
        <source>The &amp;gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>Gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="268"/>
        <source>Step %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>Queue (%n waiting)</source>
        <translation>
            <numerusform>Queue (%n waiting)</numerusform>
            <numerusform>Queue (%n waiting)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="291"/>
        <source>%1, %n thread(s)</source>
        <translation>
            <numerusform>%1, %n thread</numerusform>
            <numerusform>%1, %n threads</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="355"/>
        <source>Start from a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="356"/>
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="384"/>
        <source>Restore its parameters?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="385"/>
        <source>This picture carries the parameters it was made with. Put them into the controls too?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="388"/>
        <source>Restore the parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="389"/>
        <source>Only the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="411"/>
        <source>Choose a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="412"/>
        <source>Safetensors checkpoints (*.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="413"/>
        <source>Choose a diffusers model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="490"/>
        <source>Quit Eikona?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="491"/>
        <source>A picture is being made. Stop it and quit? The waiting jobs stay in the queue for the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="494"/>
        <source>Stop and quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::ui::PictureDetails</name>
    <message>
        <location filename="../ui/picture_details.cpp" line="53"/>
        <source>Parameters of the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="54"/>
        <source>The parameters stored in the picture&apos;s PNG; select text to copy it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="55"/>
        <source>Click a picture to see its parameters here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="56"/>
        <location filename="../ui/picture_details.cpp" line="57"/>
        <source>Use these parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="58"/>
        <source>Fill the controls with this picture&apos;s prompt and settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="59"/>
        <location filename="../ui/picture_details.cpp" line="60"/>
        <source>Use this seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="61"/>
        <source>Put this picture&apos;s seed into the seed field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::ui::ProgressStatus</name>
    <message>
        <location filename="../ui/progress_status.cpp" line="27"/>
        <location filename="../ui/progress_status.cpp" line="33"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="41"/>
        <source>Preparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="46"/>
        <source>Loading the model %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="51"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="61"/>
        <source>%1 s/it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="62"/>
        <source>%1 it/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="64"/>
        <source>Run %1/%2 · step %3/%4 · %5 · %6 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="70"/>
        <source>Step %1/%2 · %3 · %4 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="75"/>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="76"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="77"/>
        <source>Stopped by an error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::ui::PromptEdit</name>
    <message>
        <location filename="../ui/prompt_edit.cpp" line="155"/>
        <source>%1 / %2</source>
        <comment>prompt tokens used / tokens available</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/prompt_edit.cpp" line="156"/>
        <source>CLIP tokens: the model reads prompts in chunks of 75; BREAK starts a new chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/prompt_edit.cpp" line="157"/>
        <source>Token count</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::ui::QueuePanel</name>
    <message>
        <location filename="../ui/queue_panel.cpp" line="91"/>
        <source>Job queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="92"/>
        <source>Jobs run from the top; drag a row to change the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="93"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="94"/>
        <source>Run this job earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="95"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="96"/>
        <source>Run this job later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="97"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="98"/>
        <source>Edit job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="99"/>
        <source>Take this waiting job out of the queue and back into the controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="100"/>
        <location filename="../ui/queue_panel.cpp" line="134"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="101"/>
        <source>Remove job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="102"/>
        <source>Remove the waiting job, or stop the running one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="134"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::ui::ResultsStrip</name>
    <message>
        <location filename="../ui/results_strip.cpp" line="36"/>
        <source>Pictures made in this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/results_strip.cpp" line="37"/>
        <source>The pictures made since Eikona started; click one to see it and its parameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>eikona::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="38"/>
        <location filename="../ui/settings_dialog.cpp" line="118"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="43"/>
        <location filename="../ui/settings_dialog.cpp" line="124"/>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="51"/>
        <location filename="../ui/settings_dialog.cpp" line="127"/>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="54"/>
        <location filename="../ui/settings_dialog.cpp" line="129"/>
        <source>Pictures folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="57"/>
        <location filename="../ui/settings_dialog.cpp" line="131"/>
        <source>Model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="62"/>
        <location filename="../ui/settings_dialog.cpp" line="137"/>
        <source>Live preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="68"/>
        <location filename="../ui/settings_dialog.cpp" line="140"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="100"/>
        <location filename="../ui/settings_dialog.cpp" line="104"/>
        <location filename="../ui/settings_dialog.cpp" line="105"/>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="111"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="114"/>
        <location filename="../ui/settings_dialog.cpp" line="120"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="115"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="116"/>
        <source>NVIDIA GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="117"/>
        <source>Apple GPU (MPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="119"/>
        <source>Where pictures are computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="121"/>
        <source>Full (fp32)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="122"/>
        <source>Half (fp16, GPU only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="123"/>
        <source>Faster (bf16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="125"/>
        <source>Number precision: fp32 matches the reference exactly; bf16 is faster on recent CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/settings_dialog.cpp" line="126"/>
        <source>Automatic (%n)</source>
        <translation>
            <numerusform>Automatic (%n)</numerusform>
            <numerusform>Automatic (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="128"/>
        <source>CPU threads the engine uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="130"/>
        <source>Every picture is saved here as a PNG with its parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="132"/>
        <source>Downloaded models (several GB each) are kept here, shared with diffusers; applies from the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="133"/>
        <source>Every step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="134"/>
        <source>Every 2nd step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="135"/>
        <source>Every 5th step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="136"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="138"/>
        <source>How often the forming picture is drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="139"/>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="141"/>
        <source>The language of Eikona&apos;s window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="149"/>
        <source>Not available here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="149"/>
        <source>Will run on: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
