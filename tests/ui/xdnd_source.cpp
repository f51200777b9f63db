// A minimal XDND drag source (Xlib only, no toolkit) for the real-window test: it offers one
// file as text/uri-list to a window, at a point in root coordinates, the way a file manager
// does — XdndEnter, XdndPosition, XdndDrop — and answers the target's request for the data
// itself. A toolkit's own drag needs a grabbed pointer and a window manager under Xvfb; this
// talks the protocol directly, so what the test checks is the target's side of it.
//
// Usage: eikona-test-xdnd-source WINDOW_ID ROOT_X ROOT_Y FILE
// Prints "status accepted=N" after the position, "finished accepted=N" at the end; exits 0 when
// the target took the drop.

#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace {

constexpr long k_xdndVersion = 5;

struct Atoms {
    Atom aware, enter, position, status, drop, finished, leave, selection, actionCopy, uriList;
    explicit Atoms(Display* display)
        : aware(XInternAtom(display, "XdndAware", False)), enter(XInternAtom(display, "XdndEnter", False)),
          position(XInternAtom(display, "XdndPosition", False)),
          status(XInternAtom(display, "XdndStatus", False)), drop(XInternAtom(display, "XdndDrop", False)),
          finished(XInternAtom(display, "XdndFinished", False)),
          leave(XInternAtom(display, "XdndLeave", False)),
          selection(XInternAtom(display, "XdndSelection", False)),
          actionCopy(XInternAtom(display, "XdndActionCopy", False)),
          uriList(XInternAtom(display, "text/uri-list", False))
    {
    }
};

void sendMessage(Display* display, Window target, Atom type, long d0, long d1, long d2, long d3, long d4)
{
    XEvent event{};
    event.xclient.type = ClientMessage;
    event.xclient.display = display;
    event.xclient.window = target;
    event.xclient.message_type = type;
    event.xclient.format = 32;
    event.xclient.data.l[0] = d0;
    event.xclient.data.l[1] = d1;
    event.xclient.data.l[2] = d2;
    event.xclient.data.l[3] = d3;
    event.xclient.data.l[4] = d4;
    XSendEvent(display, target, False, NoEventMask, &event);
    XFlush(display);
}

void answerSelectionRequest(Display* display, const XSelectionRequestEvent& request, const Atoms& atoms,
                            const std::string& uris)
{
    XEvent reply{};
    reply.xselection.type = SelectionNotify;
    reply.xselection.display = display;
    reply.xselection.requestor = request.requestor;
    reply.xselection.selection = request.selection;
    reply.xselection.target = request.target;
    reply.xselection.time = request.time;
    reply.xselection.property = None;
    if (request.target == atoms.uriList) {
        const Atom property = request.property != None ? request.property : request.target;
        XChangeProperty(display, request.requestor, property, atoms.uriList, 8, PropModeReplace,
                        reinterpret_cast<const unsigned char*>(uris.data()), static_cast<int>(uris.size()));
        reply.xselection.property = property;
    }
    XSendEvent(display, request.requestor, False, NoEventMask, &reply);
    XFlush(display);
}

using Clock = std::chrono::steady_clock;

/// Waits for a client message of `type` to our window, answering selection requests meanwhile.
bool waitFor(Display* display, Window self, Atom type, const Atoms& atoms, const std::string& uris,
             XEvent* found)
{
    const auto deadline = Clock::now() + std::chrono::seconds(15);
    while (Clock::now() < deadline) {
        while (XPending(display) > 0) {
            XEvent event;
            XNextEvent(display, &event);
            if (event.type == SelectionRequest)
                answerSelectionRequest(display, event.xselectionrequest, atoms, uris);
            else if (event.type == ClientMessage && event.xclient.window == self &&
                     event.xclient.message_type == type) {
                *found = event;
                return true;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s WINDOW_ID ROOT_X ROOT_Y FILE\n", argv[0]);
        return 2;
    }
    const Window target = std::strtoul(argv[1], nullptr, 0);
    const long x = std::strtol(argv[2], nullptr, 10);
    const long y = std::strtol(argv[3], nullptr, 10);
    const std::string uris = std::string("file://") + argv[4] + "\r\n";

    Display* display = XOpenDisplay(nullptr);
    if (display == nullptr) {
        std::fprintf(stderr, "cannot open the display\n");
        return 2;
    }
    const Atoms atoms(display);
    const Window self = XCreateSimpleWindow(display, DefaultRootWindow(display), 0, 0, 1, 1, 0, 0, 0);
    XSetSelectionOwner(display, atoms.selection, self, CurrentTime);

    sendMessage(display, target, atoms.enter, static_cast<long>(self), k_xdndVersion << 24,
                static_cast<long>(atoms.uriList), 0, 0);
    sendMessage(display, target, atoms.position, static_cast<long>(self), 0, (x << 16) | y, CurrentTime,
                static_cast<long>(atoms.actionCopy));
    XEvent status;
    if (!waitFor(display, self, atoms.status, atoms, uris, &status)) {
        std::printf("no status\n");
        return 1;
    }
    const bool accepted = (status.xclient.data.l[1] & 1) != 0;
    std::printf("status accepted=%d\n", accepted ? 1 : 0);
    std::fflush(stdout);
    if (!accepted) {
        sendMessage(display, target, atoms.leave, static_cast<long>(self), 0, 0, 0, 0);
        return 1;
    }
    sendMessage(display, target, atoms.drop, static_cast<long>(self), 0, CurrentTime, 0, 0);
    XEvent finished;
    if (!waitFor(display, self, atoms.finished, atoms, uris, &finished)) {
        std::printf("no finished\n");
        return 1;
    }
    const bool taken = (finished.xclient.data.l[1] & 1) != 0;
    std::printf("finished accepted=%d\n", taken ? 1 : 0);
    XCloseDisplay(display);
    return taken ? 0 : 1;
}
